import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { replies, stubAuthServer } from "../_components/test-auth-server";
import { SignInForm } from "./sign-in-form";

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText("Email"), email);
  if (password) await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInForm", () => {
  it("has labelled fields, a Sign in button and a link to sign-up", () => {
    render(<SignInForm />);

    expect(screen.getByLabelText("Email")).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute(
      "href",
      "/sign-up",
    );
  });

  it("signs in and goes to /tasks", async () => {
    const server = stubAuthServer(replies.signedIn("ada@example.com"));
    render(<SignInForm />);

    await submit("ada@example.com", "correct horse");

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/tasks"));
    expect(server.requests).toEqual([
      {
        path: "/api/auth/sign-in/email",
        body: { email: "ada@example.com", password: "correct horse" },
      },
    ]);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows 'Invalid email or password' when the server refuses", async () => {
    stubAuthServer(replies.invalidCredentials);
    render(<SignInForm />);

    await submit("ada@example.com", "wrong password");

    expect(await screen.findByRole("alert")).toHaveTextContent("Invalid email or password");
    expect(router.replace).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  it("disables the button while the request is pending", async () => {
    const server = stubAuthServer(replies.invalidCredentials);
    server.hold();
    render(<SignInForm />);

    await submit("ada@example.com", "some password");

    const button = screen.getByRole("button", { name: "Sign in" });
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAttribute("aria-busy", "true");
    server.release();
    await waitFor(() => expect(button).toBeEnabled());
  });

  it("asks for the missing email without calling the server", async () => {
    const server = stubAuthServer(replies.invalidCredentials);
    render(<SignInForm />);

    await submit("", "some password");

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter your email address.");
    expect(server.requests).toEqual([]);
  });

  it("says when there were too many attempts", async () => {
    stubAuthServer(replies.tooManyRequests);
    render(<SignInForm />);

    await submit("ada@example.com", "some password");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many attempts. Please wait a minute and try again.",
    );
  });

  it("says when the account has had too many attempts", async () => {
    stubAuthServer(replies.accountLocked);
    render(<SignInForm />);

    await submit("ada@example.com", "some password");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many sign-in attempts for this account. Please wait 15 minutes and try again.",
    );
  });

  it("offers 'Forgot password?' when this server can mail reset links", () => {
    render(<SignInForm canResetPassword />);

    expect(screen.getByRole("link", { name: "Forgot password?" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
  });

  it("offers no reset link when this server cannot send mail", () => {
    render(<SignInForm canResetPassword={false} />);

    expect(screen.queryByRole("link", { name: "Forgot password?" })).not.toBeInTheDocument();
  });

  it("says the password has changed after a reset", () => {
    render(<SignInForm notice="password-changed" />);

    expect(screen.getByRole("status")).toHaveTextContent(
      "Your password has been changed. Sign in with the new one.",
    );
  });

  it("asks to confirm the address first, and sends the link again on request", async () => {
    const server = stubAuthServer(replies.emailNotVerified);
    render(<SignInForm />);
    await submit("ada@example.com", "correct horse");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Confirm your email address first: open the link we sent you.",
    );

    await userEvent.setup().click(screen.getByRole("button", { name: "Send the link again" }));

    await waitFor(() =>
      expect(server.requests.at(-1)).toEqual({
        path: "/api/auth/send-verification-email",
        body: { email: "ada@example.com", callbackURL: "/verify-email" },
      }),
    );
  });

  it("puts the cursor in the email field on load", () => {
    render(<SignInForm />);

    expect(screen.getByLabelText("Email")).toHaveFocus();
  });

  it("shows the password on 'Show password' and hides it again", async () => {
    const user = userEvent.setup();
    render(<SignInForm />);
    const toggle = screen.getByRole("button", { name: "Show password" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");

    await user.click(toggle);
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "text");
    expect(toggle).toHaveAttribute("aria-pressed", "true");

    await user.click(toggle);
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");
  });

  it("puts the missing password's error under the password and leaves the email valid", async () => {
    render(<SignInForm />);

    await submit("ada@example.com", "");

    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password.");
    expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid");
  });
});
