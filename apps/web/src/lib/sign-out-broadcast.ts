/**
 * Signing out reaches every tab of the browser at once: the tab that signs out says so on a
 * BroadcastChannel, and every tab of the app listening on it drops what it holds and goes to the
 * sign-in page. Without BroadcastChannel (very old browsers) the other tabs find out on their
 * next token request instead.
 */
const CHANNEL = "taskline-session";

type SessionMessage = { type: "signed-out" };

const isSignedOut = (data: unknown): data is SessionMessage =>
  typeof data === "object" && data !== null && "type" in data && data.type === "signed-out";

/** Tells every tab (this one's listeners too) that the session has ended. */
export function announceSignOut(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: "signed-out" } satisfies SessionMessage);
  channel.close();
}

/** Calls `handler` when any tab signs out; returns the function that stops listening. */
export function onSignOut(handler: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSignedOut(event.data)) handler();
  };
  return () => channel.close();
}
