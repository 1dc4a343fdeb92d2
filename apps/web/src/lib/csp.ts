/**
 * The Content-Security-Policy of every page: scripts only from this origin and carrying this
 * request's nonce (Next.js adds it to its own scripts), network calls only to this origin and the
 * task API, no framing, no plugins.
 *
 * Styles allow 'unsafe-inline': React renders `style` attributes and the toast library injects a
 * <style> element, neither of which can carry a nonce. Injected CSS cannot run code, so this is
 * the usual trade-off; scripts stay nonce-only.
 *
 * `worker-src 'self'`: the service worker (`/sw.js`, for reminders) is a script of this origin
 * without a nonce; without the directive it would fall back to `script-src`, where
 * 'strict-dynamic' ignores 'self' and refuses it.
 */
export function contentSecurityPolicy({
  nonce,
  apiOrigin,
  https,
  nextDev,
}: {
  nonce: string;
  apiOrigin: string;
  https: boolean;
  /** `next dev` needs eval for React's debugging aids; production builds never do. */
  nextDev: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${nextDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
