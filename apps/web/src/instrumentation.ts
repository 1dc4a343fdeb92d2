/**
 * Runs once when a Next.js server process starts: stamps each request with its TCP peer's
 * address (for the auth rate limits), validates the configuration (in production a missing
 * BETTER_AUTH_SECRET stops the process with a message naming it), opens the auth database and
 * applies its migrations before the first request arrives.
 */
export async function register() {
  // biome-ignore lint/style/noProcessEnv: Next.js's documented runtime switch, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { watchPeerAddresses } = await import("./lib/peer-address");
  watchPeerAddresses();
  const { startAuth } = await import("./lib/start-auth");
  await startAuth();
}
