import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubAuthRoutes, wrongPassword } from "../test/stub-auth-routes";
import { TwoFactorSettings } from "./two-factor-settings";

const router = { refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

afterEach(() => {
  vi.unstubAllGlobals();
});

const URI =
  "otpauth://totp/Taskline:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Taskline";
const CODES = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`);

async function startEnabling(password: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Turn on two-factor" }));
  await user.type(screen.getByLabelText("Your password"), password);
  await user.click(screen.getByRole("button", { name: "Continue" }));
  return user;
}

describe("TwoFactorSettings", () => {
  it("after the password, shows a QR code drawn on the page and the key, then the backup codes once a code is confirmed", async () => {
    const server = stubAuthRoutes({
      "/api/auth/two-factor/enable": ok({ method: "totp", totpURI: URI, backupCodes: CODES }),
      "/api/auth/two-factor/verify-totp": ok({ token: "t", user: {} }),
    });
    render(<TwoFactorSettings enabled={false} />);
    const user = await startEnabling("correct horse battery");
    const qr = await screen.findByRole("img", { name: "QR code for your authenticator app" });
    expect(qr.tagName.toLowerCase()).toBe("svg");
    expect(screen.getByText("JBSW Y3DP EHPK 3PXP JBSW Y3DP")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Code from your app"), "123 456");
    await user.click(screen.getByRole("button", { name: "Turn on two-factor" }));

    const list = await screen.findByRole("list", { name: "Backup codes" });
    expect(list.querySelectorAll("li")).toHaveLength(10);
    expect(server.sentTo("/api/auth/two-factor/verify-totp")[0]?.body).toEqual({ code: "123456" });
    expect(server.sentTo("/api/auth/two-factor/enable")[0]?.body).toEqual({
      password: "correct horse battery",
    });
  });

  it("says so in words when the password is wrong, and stays where it was", async () => {
    stubAuthRoutes({ "/api/auth/two-factor/enable": wrongPassword });
    render(<TwoFactorSettings enabled={false} />);
    await startEnabling("nope");
    expect(await screen.findByRole("alert")).toHaveTextContent("That password is not right.");
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("refuses a wrong first code in words", async () => {
    stubAuthRoutes({
      "/api/auth/two-factor/enable": ok({ method: "totp", totpURI: URI, backupCodes: CODES }),
      "/api/auth/two-factor/verify-totp": {
        status: 401,
        body: { code: "INVALID_CODE", message: "Invalid code" },
      },
    });
    render(<TwoFactorSettings enabled={false} />);
    const user = await startEnabling("correct horse battery");
    await user.type(await screen.findByLabelText("Code from your app"), "000000");
    await user.click(screen.getByRole("button", { name: "Turn on two-factor" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code is not right.");
  });

  it("when on: turning off asks for the password and says it is off", async () => {
    const server = stubAuthRoutes({ "/api/auth/two-factor/disable": ok({ status: true }) });
    render(<TwoFactorSettings enabled />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Turn off two-factor" }));
    await user.type(screen.getByLabelText("Your password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Turn off" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Two-factor sign-in is off.");
    expect(server.sentTo("/api/auth/two-factor/disable")).toHaveLength(1);
  });

  it("an empty password is caught before any request", async () => {
    const server = stubAuthRoutes({});
    render(<TwoFactorSettings enabled />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "New backup codes" }));
    await user.click(screen.getByRole("button", { name: "Make new codes" }));
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("Enter your password."),
    );
    expect(server.requests).toEqual([]);
  });
});
