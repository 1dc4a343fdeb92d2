import { createAuthClient } from "better-auth/react";

/** Better Auth in the browser: same-origin calls to /api/auth/* (sign-up, sign-in, sign-out, …). */
export const authClient = createAuthClient({
  basePath: "/api/auth",
  // Look `fetch` up on each call rather than once at import, so tests can stand in for the network.
  fetchOptions: { customFetchImpl: (input, init) => fetch(input, init) },
});
