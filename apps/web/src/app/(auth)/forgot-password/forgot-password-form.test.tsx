import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { replies, stubAuthServer } from "../_components/test-auth-server";
import { ForgotPasswordForm, linkSentMessage } from "./forgot-password-form";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function submit(email: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText("Email"), email);
  await user.click(screen.getByRole("button", { name: "Send the link" }));
}

describe("ForgotPasswordForm", () => {
  it("asks Better Auth for a link that leads to /reset-password", async () => {
    const server = stubAuthServer(replies.resetLinkSent);
    render(<ForgotPasswordForm />);

    await submit("ada@example.com");

    await waitFor(() =>
      expect(server.requests).toEqual([
        {
          path: "/api/auth/request-password-reset",
          body: { email: "ada@example.com", redirectTo: "/reset-password" },
        },
      ]),
    );
  });

  it("answers every address with the same sentence", async () => {
    stubAuthServer(replies.resetLinkSent);
    render(<ForgotPasswordForm />);

    await submit("nobody@example.com");

    expect(await screen.findByRole("status")).toHaveTextContent(linkSentMessage);
  });

  it("disables the button while the request is pending", async () => {
    const server = stubAuthServer(replies.resetLinkSent);
    server.hold();
    render(<ForgotPasswordForm />);

    await submit("ada@example.com");

    const button = screen.getByRole("button", { name: "Send the link" });
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    server.release();
    await waitFor(() => expect(button).toBeEnabled());
  });

  it("asks for a valid address without calling the server", async () => {
    const server = stubAuthServer(replies.resetLinkSent);
    render(<ForgotPasswordForm />);

    await submit("not-an-address");

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter a valid email address.");
    expect(server.requests).toEqual([]);
  });

  it("says when there were too many requests", async () => {
    stubAuthServer(replies.tooManyRequests);
    render(<ForgotPasswordForm />);

    await submit("ada@example.com");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many attempts. Please wait a minute and try again.",
    );
  });
});
