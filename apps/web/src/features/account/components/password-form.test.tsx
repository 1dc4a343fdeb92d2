import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubAuthRoutes, wrongPassword } from "../test/stub-auth-routes";
import { PasswordForm } from "./password-form";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fill(current: string, next: string, again: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Current password"), current);
  await user.type(screen.getByLabelText("New password"), next);
  await user.type(screen.getByLabelText("New password again"), again);
  return user;
}

describe("PasswordForm", () => {
  it("changes the password and, as the box says by default, signs the other sessions out", async () => {
    const server = stubAuthRoutes({ "/api/auth/change-password": ok({ token: "t", user: {} }) });
    const signedOut = vi.fn();
    render(<PasswordForm onOthersSignedOut={signedOut} />);
    const user = await fill("old password 1", "new password 22", "new password 22");
    expect(screen.getByRole("checkbox", { name: "Sign out my other sessions" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Password changed. Your other sessions are signed out.",
    );
    expect(server.sentTo("/api/auth/change-password")[0]?.body).toEqual({
      currentPassword: "old password 1",
      newPassword: "new password 22",
      revokeOtherSessions: true,
    });
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it("keeps the other sessions when the box is cleared", async () => {
    const server = stubAuthRoutes({ "/api/auth/change-password": ok({ token: null, user: {} }) });
    render(<PasswordForm />);
    const user = await fill("old password 1", "new password 22", "new password 22");
    await user.click(screen.getByRole("checkbox", { name: "Sign out my other sessions" }));
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Password changed.");
    expect(server.sentTo("/api/auth/change-password")[0]?.body).toMatchObject({
      revokeOtherSessions: false,
    });
  });

  it("catches two different new passwords before any request", async () => {
    const server = stubAuthRoutes({});
    render(<PasswordForm />);
    const user = await fill("old password 1", "new password 22", "new password 23");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The two passwords are not the same.",
    );
    expect(server.requests).toEqual([]);
  });

  it("a wrong current password is refused in words", async () => {
    stubAuthRoutes({ "/api/auth/change-password": wrongPassword });
    render(<PasswordForm />);
    const user = await fill("wrong password", "new password 22", "new password 22");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That password is not right.");
  });
});
