import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./auth";

/** The signed-in user's session for this request, or null. Server components and actions only. */
export async function getServerSession() {
  // Reading the headers first marks the page dynamic, so `next build` never opens the database.
  const requestHeaders = await headers();
  const auth = await getAuth();
  return auth.api.getSession({ headers: requestHeaders });
}

export type ServerSession = NonNullable<Awaited<ReturnType<typeof getServerSession>>>;

/** The session, or a redirect to /sign-in when there is none. */
export async function requireSession(): Promise<ServerSession> {
  const session = await getServerSession();
  if (!session) redirect("/sign-in");
  return session;
}

/**
 * A JWT for the API, minted on the server for the current session — the same token
 * `GET /api/auth/token` returns (EdDSA, or HS256 when JWT_MODE=hs256). Null without a session.
 */
export async function mintApiToken(): Promise<string | null> {
  const requestHeaders = await headers();
  const auth = await getAuth();
  try {
    const { token } = await auth.api.getToken({ headers: requestHeaders });
    return token;
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 401) return null;
    throw error;
  }
}
