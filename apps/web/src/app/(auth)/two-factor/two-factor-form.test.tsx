import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ok, stubAuthRoutes } from "@/features/account/test/stub-auth-routes";
import { TwoFactorForm } from "./two-factor-form";

const router = { replace: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("TwoFactorForm", () => {
  it("sends the app's code (spaces dropped) and goes to the tasks", async () => {
    const server = stubAuthRoutes({
      "/api/auth/two-factor/verify-totp": ok({ token: "t", user: {} }),
    });
    render(<TwoFactorForm />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Code"), "123 456");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith("/tasks"));
    expect(server.sentTo("/api/auth/two-factor/verify-totp")[0]?.body).toEqual({
      code: "123456",
      trustDevice: false,
    });
  });

  it("takes a backup code instead, trusting this device when asked", async () => {
    const server = stubAuthRoutes({
      "/api/auth/two-factor/verify-backup-code": ok({ token: "t", user: {} }),
    });
    render(<TwoFactorForm />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Use a backup code" }));
    await user.type(screen.getByLabelText("Backup code"), "abcde-12345");
    await user.click(screen.getByRole("checkbox", { name: "Trust this device for 30 days" }));
    await user.click(screen.getByRole("button", { name: "Verify" }));
    await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith("/tasks"));
    expect(server.sentTo("/api/auth/two-factor/verify-backup-code")[0]?.body).toEqual({
      code: "abcde-12345",
      trustDevice: true,
    });
  });

  it("a wrong code is refused in words and no one is signed in", async () => {
    stubAuthRoutes({
      "/api/auth/two-factor/verify-totp": {
        status: 401,
        body: { code: "INVALID_CODE", message: "Invalid code" },
      },
    });
    render(<TwoFactorForm />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Code"), "000000");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code is not right.");
    expect(router.replace).not.toHaveBeenCalled();
  });
});
