import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { replies, stubAuthServer } from "../_components/test-auth-server";
import { SignUpForm } from "./sign-up-form";

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fill({
  name = "",
  email,
  password,
}: {
  name?: string;
  email: string;
  password: string;
}) {
  const user = userEvent.setup();
  if (name) await user.type(screen.getByLabelText("Name"), name);
  await user.type(screen.getByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("SignUpForm", () => {
  it("has an optional Name, Email and Password, and a link to sign-in", () => {
    render(<SignUpForm />);

    expect(screen.getByLabelText("Name")).not.toBeRequired();
    expect(screen.getByLabelText("Email")).toBeRequired();
    expect(screen.getByLabelText("Password")).toBeRequired();
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("8 to 128 characters.");
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  });

  it("creates the account with the name taken from the email when none is given", async () => {
    const server = stubAuthServer(replies.signedIn("grace@example.com"));
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "long enough" });

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/tasks"));
    expect(server.requests).toEqual([
      {
        path: "/api/auth/sign-up/email",
        body: { email: "grace@example.com", password: "long enough", name: "grace" },
      },
    ]);
  });

  it("sends the name when one is given", async () => {
    const server = stubAuthServer(replies.signedIn("grace@example.com"));
    render(<SignUpForm />);

    await fill({ name: "Grace Hopper", email: "grace@example.com", password: "long enough" });

    await waitFor(() => expect(server.requests[0]?.body.name).toBe("Grace Hopper"));
  });

  it("rejects a short password before calling the server", async () => {
    const server = stubAuthServer(replies.signedIn("grace@example.com"));
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "short" });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Password must be at least 8 characters.",
    );
    expect(server.requests).toEqual([]);
  });

  it("says when the email is already registered", async () => {
    stubAuthServer(replies.alreadyRegistered);
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "long enough" });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "An account with this email already exists. Sign in instead.",
    );
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("shows the server's password-too-short answer in words", async () => {
    stubAuthServer(replies.passwordTooShort);
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "long enough" });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Password must be at least 8 characters.",
    );
  });

  it("rejects an email without a domain", async () => {
    const server = stubAuthServer(replies.signedIn("grace@example.com"));
    render(<SignUpForm />);

    await fill({ email: "grace", password: "long enough" });

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter a valid email address.");
    expect(server.requests).toEqual([]);
  });

  it("asks to check the mail when the address must be confirmed first, and stays", async () => {
    stubAuthServer(replies.signedUpAwaitingConfirmation("ada@example.com"));
    render(<SignUpForm />);

    await fill({ email: "ada@example.com", password: "long enough password" });

    expect(await screen.findByRole("heading", { name: "Check your email" })).toBeVisible();
    expect(screen.getByText("ada@example.com")).toBeVisible();
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("puts the cursor in the email field on load", () => {
    render(<SignUpForm />);

    expect(screen.getByLabelText("Email")).toHaveFocus();
  });

  it("marks only the password when it is too short, its error next to it", async () => {
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "short" });

    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(
      "Password must be at least 8 characters. 8 to 128 characters.",
    );
    expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid");
  });

  it("marks only the email when it is invalid", async () => {
    render(<SignUpForm />);

    await fill({ email: "grace", password: "long enough" });

    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).not.toHaveAttribute("aria-invalid");
  });

  it("refuses a password of only spaces in words, without calling the server", async () => {
    const server = stubAuthServer(replies.signedIn("grace@example.com"));
    render(<SignUpForm />);

    await fill({ email: "grace@example.com", password: "          " });

    expect(await screen.findByRole("alert")).toHaveTextContent("Password cannot be only spaces.");
    expect(server.requests).toEqual([]);
  });

  it("has a 'Show password' toggle that reveals the password", async () => {
    const user = userEvent.setup();
    render(<SignUpForm />);

    await user.click(screen.getByRole("button", { name: "Show password" }));

    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Show password" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });
});
