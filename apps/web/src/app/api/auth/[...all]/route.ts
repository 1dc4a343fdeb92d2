import { getAuth } from "@/lib/auth";
import { handleAuthRequest } from "@/lib/auth-handler";
import { getEnv } from "@/lib/env";

/** Every Better Auth endpoint: sign-up/in/out, get-session, token, jwks, … */
async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return handleAuthRequest(auth, getEnv(), request);
}

export { handle as GET, handle as POST };
