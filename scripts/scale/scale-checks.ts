import { decodeProtectedHeader } from "jose";
import postgres from "postgres";
import { liveInBrowsers } from "./live-in-browsers.ts";
import { runLoad } from "./load.ts";
import { type Replica, sleep } from "./processes.ts";

type Replicas = { web: readonly Replica[]; api: readonly Replica[]; nginx: Replica };
type Context = {
  origin: string;
  replicas: Replicas;
  databaseUrl: string;
  log: (message: string) => void;
};

const PASSWORD = "correct horse battery staple";

/** A check's outcome, printed in the summary. */
export type Outcome = { name: string; passed: boolean; figures: string };

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === "" ? null : JSON.parse(text);
}

/** Signs up through nginx; the session cookie. */
async function signUp(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password: PASSWORD, name: "Scale" }),
  });
  if (response.status !== 200)
    throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

const sessionEmail = async (url: string, cookie: string) =>
  (
    (await json(await fetch(`${url}/api/auth/get-session`, { headers: { cookie } }))) as {
      user?: { email?: string };
    } | null
  )?.user?.email;

const tokenFrom = async (url: string, cookie: string) =>
  ((await json(await fetch(`${url}/api/auth/token`, { headers: { cookie } }))) as { token: string })
    .token;

const listStatus = async (url: string, token: string) =>
  (await fetch(`${url}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })).status;

/** Sessions and tokens of one replica are good on the others. */
async function sharedSessions(ctx: Context, email: string): Promise<Outcome> {
  const [web1, web2] = ctx.replicas.web;
  const [api1, api2] = ctx.replicas.api;
  if (!web1 || !web2 || !api1 || !api2) throw new Error("replicas missing");
  const cookie = await signUp(ctx.origin, email);
  const seen = [await sessionEmail(web1.url, cookie), await sessionEmail(web2.url, cookie)];
  const token = await tokenFrom(web1.url, cookie);
  const accepted = [await listStatus(api1.url, token), await listStatus(api2.url, token)];
  return {
    name: "a session and a token of one replica, used on the others",
    passed: seen.every((e) => e === email) && accepted.every((s) => s === 200),
    figures: `session seen by web1/web2: ${seen.join(", ")}; web1's token on api1/api2: ${accepted.join(", ")}`,
  };
}

/** The current key expires in the shared database: the next token is signed with a new one. */
async function keyRotation(ctx: Context, cookie: string): Promise<Outcome> {
  const [web1, web2] = ctx.replicas.web;
  const [api1, api2] = ctx.replicas.api;
  if (!web1 || !web2 || !api1 || !api2) throw new Error("replicas missing");
  const before = decodeProtectedHeader(await tokenFrom(web1.url, cookie)).kid;
  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  await sql`update jwks set expires_at = now() - interval '1 second' where expires_at is null or expires_at > now()`;
  await sql.end();
  const token = await tokenFrom(web2.url, cookie);
  const after = decodeProtectedHeader(token).kid;
  const again = decodeProtectedHeader(await tokenFrom(web1.url, cookie)).kid;
  const statuses: number[] = [];
  for (const replica of [api1, api2]) {
    let status = 0;
    // An unknown kid makes an API replica fetch the key set again (at most once per 2 s).
    for (let tries = 0; tries < 6 && status !== 200; tries += 1) {
      status = await listStatus(replica.url, token);
      if (status !== 200) await sleep(500);
    }
    statuses.push(status);
  }
  return {
    name: "a signing key rotated in the shared auth database, used and accepted everywhere",
    passed: before !== after && after === again && statuses.every((s) => s === 200),
    figures: `kid ${before} → ${after} (web2), ${again} (web1); new token on api1/api2: ${statuses.join(", ")}`,
  };
}

/** Wrong passwords through nginx, which alternates the web replicas: the limit counts all. */
async function signInLimit(ctx: Context): Promise<Outcome> {
  const statuses: number[] = [];
  for (let n = 0; n < 12; n += 1) {
    const response = await fetch(`${ctx.origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ctx.origin },
      body: JSON.stringify({ email: "nobody@scale.test", password: "wrong password" }),
    });
    await response.body?.cancel();
    statuses.push(response.status);
  }
  const refused = statuses.indexOf(429);
  return {
    name: "the sign-in rate limit counts attempts on both web replicas",
    passed: refused === 10,
    figures: `answers: ${statuses.join(" ")}`,
  };
}

/** Every create answered 201 is in the database, once. */
async function allStored(ctx: Context, ids: string[]) {
  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  const rows = await sql<
    { n: number }[]
  >`select count(*)::int as n from tasks where id = any(${ids}::uuid[])`;
  await sql.end();
  return rows[0]?.n === ids.length;
}

/** One API replica killed (SIGKILL) 5 s into 20 s of load, then started again. */
async function killedReplica(ctx: Context, token: string): Promise<Outcome> {
  const [api1] = ctx.replicas.api;
  if (!api1) throw new Error("replicas missing");
  const load = runLoad({ baseUrl: ctx.origin, token, clients: 8, durationMs: 20_000 });
  await sleep(5000);
  await api1.stop("SIGKILL");
  const result = await load;
  await api1.start();
  const stored = await allStored(ctx, result.created);
  return {
    name: "an API replica killed under load: later requests go to the other, every answered write is stored",
    passed: stored,
    figures: `${result.requests} requests, ${result.created.length} creates answered (all stored: ${stored}); at the kill, first tries failed: ${JSON.stringify(result.firstTryFailures)}, still failed after the client's retries: ${result.failed} ${JSON.stringify(result.failedWith)}`,
  };
}

/**
 * Between two replicas of a rolling restart: longer than nginx's `fail_timeout` (10 s), for which it
 * keeps a replica it could not reach out of rotation, so that the one restarted before is back in it.
 */
const RESTART_GAP_MS = 11_000;

/** Each replica in turn: SIGTERM, started again, ready; all under load. */
async function rollingRestart(ctx: Context, token: string): Promise<Outcome> {
  const all = [...ctx.replicas.api, ...ctx.replicas.web];
  // An API replica exits 0 once drained; the web server (Next.js) exits 143 (128 + SIGTERM) once closed.
  const cleanExit = (replica: Replica, code: number | null) =>
    code === 0 || (replica.name.startsWith("web") && code === 143);
  const load = runLoad({
    baseUrl: ctx.origin,
    token,
    clients: 8,
    durationMs: 5_000 + all.length * (RESTART_GAP_MS + 8_000),
  });
  const codes: (number | null)[] = [];
  for (const replica of all) {
    await sleep(RESTART_GAP_MS);
    codes.push(await replica.stop("SIGTERM"));
    await replica.start();
  }
  const result = await load;
  const stored = await allStored(ctx, result.created);
  return {
    name: "a rolling restart of every replica under load: no failed request",
    passed:
      result.failed === 0 &&
      stored &&
      all.every((replica, i) => cleanExit(replica, codes[i] ?? null)),
    figures: `${result.requests} requests, ${result.failed} failed ${JSON.stringify(result.failedWith)}, ${result.created.length} creates (all stored: ${stored}); exit codes ${codes.join(", ")}; first tries that met a stopping replica: ${JSON.stringify(result.firstTryFailures)}`,
  };
}

/** Runs every check, prints each outcome; true when all passed. */
export async function checkAll(ctx: Context): Promise<boolean> {
  const email = `scale-${Date.now()}@scale.test`;
  const outcomes: Outcome[] = [];
  const record = (outcome: Outcome) => {
    outcomes.push(outcome);
    ctx.log(`${outcome.passed ? "PASS" : "FAIL"} ${outcome.name}: ${outcome.figures}`);
  };
  record(await sharedSessions(ctx, email));
  const signIn = await fetch(`${ctx.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ctx.origin },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  record(await keyRotation(ctx, cookie));
  const account = { email, password: PASSWORD };
  record(await liveInBrowsers({ origin: ctx.origin, api: ctx.replicas.api, account }));
  const token = await tokenFrom(ctx.origin, cookie);
  record(await killedReplica(ctx, token));
  record(await rollingRestart(ctx, await tokenFrom(ctx.origin, cookie)));
  record(await signInLimit(ctx));
  const failed = outcomes.filter((o) => !o.passed).length;
  ctx.log(`${outcomes.length - failed} of ${outcomes.length} checks passed`);
  return failed === 0;
}
