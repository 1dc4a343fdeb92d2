/**
 * Where a serving process is in its life: index.ts moves it forward when the process stops (never
 * back), and the app reads it on each request.
 */
export type Lifecycle = {
  /** No longer accepting connections: /ready answers 503 so that traffic goes elsewhere. */
  stopping: boolean;
  /**
   * Closing its connections: every answer says `Connection: close`, so a client opens a new
   * connection for its next request instead of racing the server's close on this one.
   */
  draining: boolean;
};

export const createLifecycle = (): Lifecycle => ({ stopping: false, draining: false });
