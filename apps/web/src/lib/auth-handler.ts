import type { Auth } from "./auth";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  type TrustedProxies,
  trustedProxies,
} from "./client-address";
import type { Env } from "./env";
import { PEER_HEADER, peerAddressOf } from "./peer-address";

// One matcher per parsed TRUSTED_PROXIES list (the environment is parsed once per process).
const matchers = new WeakMap<readonly string[], TrustedProxies>();

function matcherFor(ranges: readonly string[]): TrustedProxies {
  let matcher = matchers.get(ranges);
  if (matcher === undefined) {
    matcher = trustedProxies(ranges);
    matchers.set(ranges, matcher);
  }
  return matcher;
}

/**
 * The request as Better Auth gets it: the client's address (the peer, or what trusted proxies
 * forwarded) in CLIENT_ADDRESS_HEADER, which its rate limiter keys on, and no copy of that header
 * or of the peer stamp from the client. Without a stamped peer there is no address, and Better
 * Auth counts such requests in one shared bucket.
 */
export async function withClientAddress(
  request: Request,
  env: Pick<Env, "TRUSTED_PROXIES">,
): Promise<Request> {
  const headers = new Headers(request.headers);
  const peer = peerAddressOf(headers);
  headers.delete(PEER_HEADER);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const isTrusted = matcherFor(env.TRUSTED_PROXIES);
  const address = clientAddress(peer, headers.get("x-forwarded-for"), isTrusted);
  if (address !== undefined) headers.set(CLIENT_ADDRESS_HEADER, address);
  // Built from its parts: Next.js's NextRequest is not a Request this runtime can copy.
  const bodyless = request.method === "GET" || request.method === "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: bodyless ? null : await request.arrayBuffer(),
  });
}

/** Every Better Auth endpoint, as the route handler and the tests' server serve it. */
export async function handleAuthRequest(auth: Auth, env: Env, request: Request): Promise<Response> {
  return auth.handler(await withClientAddress(request, env));
}
