import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";

/**
 * Load for shutdown tests: clients on keep-alive connections (node:http), each sending one request
 * at a time, and raw requests sent in two parts to be in flight at a chosen moment.
 */

export type Outcome =
  | { kind: "answered"; status: number; body: string; connectionClose: boolean }
  /** ECONNREFUSED: nothing listens any more. */
  | { kind: "refused" }
  /**
   * A kept-alive connection closed with no byte of an answer: the server closed it as idle while
   * this request was on its way. The server never read it; the tests check that it did not.
   */
  | { kind: "closed-unanswered" }
  /** Anything else (a reset mid-answer, on a new connection, a timeout…): never expected. */
  | { kind: "failed"; error: string };

export type Attempt = {
  /** Sent as X-Request-Id, which the API logs with each request it answers. */
  id: string;
  method: "GET" | "POST";
  /** POST: the title of the task it creates, unique to the request (kept by its retry). */
  title: string | undefined;
  /** Its last byte was handed to the kernel before `Load.signalled()` was called. */
  writtenBeforeSignal: boolean;
  outcome: Outcome;
};

export type LoadOptions = { url: string; token: string; clients: number };

export type Load = {
  /** Each client's attempts, in order. */
  attempts: Attempt[][];
  /** Answers so far: in all, and to the client with the fewest. */
  answered(): { total: number; fewest: number };
  /** Call just before signalling the API: marks the requests written until then. */
  signalled(): void;
  done: Promise<void>;
};

const UNANSWERED_CODES = new Set(["ECONNRESET", "EPIPE"]);

function send(
  agent: Agent,
  { url, token }: LoadOptions,
  id: string,
  title: string | undefined,
  onWritten: () => void,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const body = title === undefined ? undefined : JSON.stringify({ title });
    const req = request(`${url}${title === undefined ? "/api/tasks?limit=10" : "/api/tasks"}`, {
      agent,
      method: title === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "x-request-id": id,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
    });
    let responded = false;
    // Emitted once the write has completed: the request is in the kernel, bound for the API.
    req.once("finish", onWritten);
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("response", (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) =>
        resolve({ kind: "failed", error: `mid-answer: ${error.message}` }),
      );
      res.on("end", () =>
        resolve({
          kind: "answered",
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          connectionClose: res.headers.connection === "close",
        }),
      );
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (responded) return;
      if (error.code === "ECONNREFUSED") resolve({ kind: "refused" });
      else if (req.reusedSocket && UNANSWERED_CODES.has(error.code ?? "")) {
        resolve({ kind: "closed-unanswered" });
      } else {
        const where = req.reusedSocket ? "kept-alive" : "new";
        resolve({
          kind: "failed",
          error: `${error.code ?? error.message} on a ${where} connection`,
        });
      }
    });
    req.end(body);
  });
}

/**
 * Starts `clients` clients, each alternating a create and a list of 10 on its own keep-alive
 * connection until the API refuses a connection (or a request fails). A request whose kept-alive
 * connection was closed before any answer is sent once more, as HTTP clients do, on a new one.
 */
export function startLoad(options: LoadOptions): Load {
  const attempts: Attempt[][] = [];
  const answers = new Array<number>(options.clients).fill(0);
  let signalled = false;
  const client = async (n: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const mine: Attempt[] = [];
    attempts[n] = mine;
    for (let seq = 0; ; seq += 1) {
      const title = seq % 2 === 0 ? `load ${n}-${seq}` : undefined;
      const method = title === undefined ? "GET" : "POST";
      let outcome: Outcome = { kind: "closed-unanswered" };
      for (let attempt = 0; attempt < 2 && outcome.kind === "closed-unanswered"; attempt += 1) {
        const id = `load-${n}-${seq}-${attempt}`;
        let writtenBeforeSignal = false;
        outcome = await send(agent, options, id, title, () => {
          writtenBeforeSignal = !signalled;
        });
        mine.push({ id, method, title, writtenBeforeSignal, outcome });
      }
      if (outcome.kind !== "answered") break;
      answers[n] = (answers[n] ?? 0) + 1;
    }
    agent.destroy();
  };
  const all = Array.from({ length: options.clients }, (_, n) => client(n));
  return {
    attempts,
    answered: () => ({ total: answers.reduce((a, b) => a + b, 0), fewest: Math.min(...answers) }),
    signalled: () => {
      signalled = true;
    },
    done: Promise.all(all).then(() => undefined),
  };
}

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/** A request written in two parts: the first now, the rest on `finish`. */
export type SplitRequest = {
  /** Writes the rest; resolves with the answer once the server has closed the connection. */
  finish(): Promise<RawAnswer>;
  /** What the server has sent so far. */
  received(): string;
  /** Resolves when the connection closes, with all the server sent. */
  closed: Promise<string>;
};

export async function splitRequest(
  url: string,
  first: string,
  rest: string,
): Promise<SplitRequest> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => {
    socket.on("error", () => {});
    socket.once("close", () => resolve(received));
  });
  socket.write(first);
  return {
    closed,
    received: () => received,
    finish: async () => {
      socket.write(rest);
      return parseAnswer(await closed);
    },
  };
}

function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, end);
  const body = raw.slice(end + 4);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}
