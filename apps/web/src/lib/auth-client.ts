import { passkeyClient } from "@better-auth/passkey/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Where a sign-in that needs a second factor continues. */
export const TWO_FACTOR_PAGE = "/two-factor";

/**
 * Better Auth in the browser: same-origin calls to /api/auth/* (sign-up, sign-in, sign-out,
 * two-factor, passkeys, the account page's changes, …).
 */
export const authClient = createAuthClient({
  basePath: "/api/auth",
  // Look `fetch` up on each call rather than once at import, so tests can stand in for the network.
  fetchOptions: { customFetchImpl: (input, init) => fetch(input, init) },
  plugins: [
    // The sign-in form goes on to the code page itself (sign-in-form.tsx).
    twoFactorClient(),
    passkeyClient(),
  ],
});
