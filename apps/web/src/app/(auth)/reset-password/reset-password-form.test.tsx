import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { replies, stubAuthServer } from "../_components/test-auth-server";
import { ResetPasswordForm } from "./reset-password-form";

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function submit(password: string, repeat: string) {
  const user = userEvent.setup();
  if (password) await user.type(screen.getByLabelText("New password"), password);
  if (repeat) await user.type(screen.getByLabelText("Repeat the new password"), repeat);
  await user.click(screen.getByRole("button", { name: "Set the new password" }));
}

const form = <ResetPasswordForm token="tok123" email="ada@example.com" />;

describe("ResetPasswordForm", () => {
  it("sets the password with the link's token, signs in with it and goes to /tasks", async () => {
    const server = stubAuthServer(replies.ok);
    render(form);

    await submit("a new password", "a new password");

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/tasks"));
    expect(server.requests).toEqual([
      {
        path: "/api/auth/reset-password",
        body: { newPassword: "a new password", token: "tok123" },
      },
      {
        path: "/api/auth/sign-in/email",
        body: { email: "ada@example.com", password: "a new password" },
      },
    ]);
  });

  it("refuses two different passwords without calling the server", async () => {
    const server = stubAuthServer(replies.ok);
    render(form);

    await submit("a new password", "another password");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The two passwords are not the same.",
    );
    expect(server.requests).toEqual([]);
  });

  it("holds the new password to the sign-up rules", async () => {
    stubAuthServer(replies.ok);
    render(form);

    await submit("short", "short");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Password must be at least 8 characters.",
    );
  });

  it("says when the link has expired or was used, with a way to ask again", async () => {
    stubAuthServer(replies.invalidToken);
    render(form);

    await submit("a new password", "a new password");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This link has expired or was already used.",
    );
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
  });

  it("disables the button while the request is pending", async () => {
    const server = stubAuthServer(replies.invalidToken);
    server.hold();
    render(form);

    await submit("a new password", "a new password");

    const button = screen.getByRole("button", { name: "Set the new password" });
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    server.release();
  });
});
