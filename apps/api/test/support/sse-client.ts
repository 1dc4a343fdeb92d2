/** One Server-Sent Event as a client reads it. */
export type SseEvent = { event: string; id: string | undefined; data: string };

/**
 * An event stream read with fetch, as the web app reads it (the token in a header): its status,
 * the events so far (and heartbeat comments counted), and a way to wait for the next ones.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  heartbeats = 0;
  status = 0;
  /** A refusal's Retry-After. */
  retryAfter: string | null = null;
  ended = false;
  readonly #abort = new AbortController();
  #body = "";
  #waiters: (() => void)[] = [];

  static async open(url: string, token: string, headers: Record<string, string> = {}) {
    const client = new SseClient();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, ...headers },
      signal: client.#abort.signal,
    });
    client.status = response.status;
    client.retryAfter = response.headers.get("retry-after");
    if (response.ok && response.body) void client.#read(response.body);
    else {
      client.#body = await response.text();
      client.ended = true;
    }
    return client;
  }

  /** The body of a refused stream (its JSON `detail`). */
  get refusal(): unknown {
    return this.#body === "" ? undefined : JSON.parse(this.#body);
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          this.#take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted
    }
    this.ended = true;
    this.#wake();
  }

  #take(block: string) {
    const lines = block.split("\n");
    if (lines.every((line) => line.startsWith(":"))) {
      this.heartbeats += 1;
      this.#wake();
      return;
    }
    const field = (name: string) =>
      lines
        .filter((line) => line.startsWith(`${name}:`))
        .map((line) => line.slice(name.length + 1).trimStart());
    this.events.push({
      event: field("event")[0] ?? "message",
      id: field("id")[0],
      data: field("data").join("\n"),
    });
    this.#wake();
  }

  #wake() {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves once `test` holds (checked on every event), or rejects after `timeoutMs`. */
  async until(test: (client: SseClient) => boolean, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!test(this)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out; events so far: ${JSON.stringify(this.events)}`);
      }
      await new Promise<void>((wake) => {
        this.#waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }

  /** The events of a type (ready, heartbeats and others left out). */
  of(type: string) {
    return this.events.filter((event) => event.event === type);
  }

  close() {
    this.#abort.abort();
  }
}
