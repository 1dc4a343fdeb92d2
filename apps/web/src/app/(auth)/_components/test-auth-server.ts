import { vi } from "vitest";

/**
 * Stands in for the network under the auth forms (component tests only): answers Better Auth's
 * endpoints with the status and body the real server sends — captured by the integration tests in
 * test/integration/sign-up-and-sign-in.test.ts — and records what the form sent.
 */
export function stubAuthServer(reply: { status: number; body: unknown }) {
  const requests: { path: string; body: Record<string, unknown> }[] = [];
  let release: () => void = () => {};
  const gate = { held: false };
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const raw = input instanceof Request ? await input.text() : String(init?.body ?? "{}");
    requests.push({ path: url.pathname, body: JSON.parse(raw || "{}") });
    if (gate.held) await new Promise<void>((resolve) => (release = resolve));
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return {
    requests,
    /** Holds responses until `release()`, to observe the pending state. */
    hold() {
      gate.held = true;
    },
    release: () => release(),
  };
}

export const replies = {
  signedIn: (email: string) => ({
    status: 200,
    body: { redirect: false, token: "session-token", user: { id: "u1", email, name: "a" } },
  }),
  invalidCredentials: {
    status: 401,
    body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
  },
  alreadyRegistered: {
    status: 422,
    body: {
      code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
      message: "User already exists. Use another email.",
    },
  },
  passwordTooShort: {
    status: 400,
    body: { code: "PASSWORD_TOO_SHORT", message: "Password too short" },
  },
  tooManyRequests: { status: 429, body: { message: "Too many requests. Please try again later." } },
  accountLocked: {
    status: 429,
    body: {
      code: "TOO_MANY_SIGN_IN_ATTEMPTS",
      message: "Too many sign-in attempts for this account. Try again in 15 minutes.",
    },
  },
  /** Sign-up with REQUIRE_EMAIL_VERIFICATION=true: no session, for a new or a registered address. */
  signedUpAwaitingConfirmation: (email: string) => ({
    status: 200,
    body: { token: null, user: { id: "u1", email, name: "a", emailVerified: false } },
  }),
  emailNotVerified: {
    status: 403,
    body: { code: "EMAIL_NOT_VERIFIED", message: "Email not verified" },
  },
  ok: { status: 200, body: { status: true } },
  resetLinkSent: {
    status: 200,
    body: {
      status: true,
      message: "If this email exists in our system, check your email for the reset link",
    },
  },
  invalidToken: { status: 400, body: { code: "INVALID_TOKEN", message: "Invalid token" } },
};
