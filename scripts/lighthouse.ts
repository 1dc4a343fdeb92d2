// `npm run lighthouse`: Lighthouse's accessibility, best-practices and performance scores for the
// sign-in page and a signed-in Today view, with the desktop and the mobile preset. It starts both
// apps the way the end-to-end suite does (apps/web/e2e/start-servers.ts: `npm start`, so a
// production build, on a fresh data directory) on spare ports, signs up a user with a few tasks
// due today, runs Lighthouse in Debian's Chromium, prints the scores and the performance metrics
// (FCP, LCP, TBT, CLS, Speed Index) and writes them to lighthouse-results/<time>.json. Not part of
// `npm test`: scores vary with the machine's load.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, desktopConfig } from "lighthouse";
import { sparePort } from "./scale/processes.ts";

const root = resolve(import.meta.dirname, "..");
const CHROME_PATH = "/usr/bin/chromium";
const CATEGORIES = ["accessibility", "best-practices", "performance"] as const;
const STARTUP_TIMEOUT_MS = 600_000;

async function waitForPage(url: string, servers: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (servers.exitCode !== null) throw new Error("the apps stopped before they were ready");
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 2_000));
  }
  throw new Error(`${url} did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** A new account with three tasks due today; answers the session cookie for the browser. */
async function signUp(webUrl: string, apiUrl: string, today: string): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: webUrl },
    body: JSON.stringify({
      email: `lighthouse-${randomUUID()}@example.com`,
      password: randomUUID(),
      name: "Lighthouse",
    }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const tokenResponse = await fetch(`${webUrl}/api/auth/token`, { headers: { cookie } });
  const { token } = (await tokenResponse.json()) as { token: string };
  for (const title of ["Water the plants", "Call the bank", "Book the dentist"]) {
    const created = await fetch(`${apiUrl}/api/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, due_date: today }),
    });
    if (!created.ok) throw new Error(`creating a task answered ${created.status}`);
  }
  return cookie;
}

type Scores = Record<(typeof CATEGORIES)[number], number | null>;

/** The performance score's parts, so a change in it can be traced to its cause. */
const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
} as const;
type Metrics = Record<keyof typeof METRICS, number | null>;

/**
 * Puts the session in the browser's cookie jar (over the DevTools protocol). Lighthouse's
 * `extraHeaders: { Cookie }` is not enough: Chromium drops it on the page's own navigation, and
 * the page then redirects to /sign-in. Lighthouse never clears cookies between runs.
 */
async function setBrowserCookies(port: number, origin: string, cookie: string): Promise<void> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((done, fail) => {
    socket.addEventListener("open", done, { once: true });
    socket.addEventListener("error", fail, { once: true });
  });
  const cookies = cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
  });
  const answer = new Promise<string>((done) =>
    socket.addEventListener("message", (event) => done(String(event.data)), { once: true }),
  );
  socket.send(JSON.stringify({ id: 1, method: "Storage.setCookies", params: { cookies } }));
  const reply = JSON.parse(await answer) as { error?: { message: string } };
  socket.close();
  if (reply.error) throw new Error(`could not set the session cookie: ${reply.error.message}`);
}

async function audit(url: string, port: number, preset: Config | undefined) {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
    preset,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  // A lost session would measure the sign-in page it redirects to instead.
  if (new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${url} ended on ${result.lhr.finalDisplayedUrl}`);
  }
  const scores = {} as Scores;
  for (const category of CATEGORIES) {
    const score = result.lhr.categories[category]?.score;
    scores[category] = typeof score === "number" ? Math.round(score * 100) : null;
  }
  const metrics = {} as Metrics;
  for (const [name, id] of Object.entries(METRICS) as [keyof Metrics, string][]) {
    metrics[name] = result.lhr.audits[id]?.numericValue ?? null;
  }
  return { scores, metrics };
}

async function main(): Promise<void> {
  const webPort = await sparePort();
  const apiPort = await sparePort();
  const webUrl = `http://localhost:${webPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  console.log(`[lighthouse] building and starting the apps on :${webPort} and :${apiPort}…`);
  const servers = spawn(process.execPath, ["apps/web/e2e/start-servers.ts"], {
    cwd: root,
    env: {
      ...process.env,
      WEB_PORT: String(webPort),
      API_PORT: String(apiPort),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stopServers = () => {
    if (servers.exitCode === null) servers.kill("SIGTERM");
  };
  process.on("SIGINT", () => {
    stopServers();
    process.exit(130);
  });

  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await waitForPage(`${webUrl}/sign-in`, servers);
    // The API may come up after the web app's page: the tasks are created through it.
    await waitForPage(`${apiUrl}/ready`, servers);
    const today = new Date().toISOString().slice(0, 10);
    const cookie = `${await signUp(webUrl, apiUrl, today)}; tz=UTC`;
    const signedIn = await fetch(`${webUrl}/tasks/today`, {
      headers: { cookie },
      redirect: "manual",
    });
    if (signedIn.status !== 200) {
      throw new Error(`the new session was refused: /tasks/today answered ${signedIn.status}`);
    }
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    // Signed out first (the session would redirect /sign-in to the tasks), then signed in.
    const pages = [
      { name: "sign-in", url: `${webUrl}/sign-in`, signedIn: false },
      { name: "today", url: `${webUrl}/tasks/today`, signedIn: true },
    ];
    const presets = [
      { name: "desktop", config: desktopConfig },
      { name: "mobile", config: undefined },
    ];
    const results: Array<{ page: string; preset: string; metrics: Metrics } & Scores> = [];
    for (const page of pages) {
      if (page.signedIn) await setBrowserCookies(chrome.port, webUrl, cookie);
      for (const preset of presets) {
        const { scores, metrics } = await audit(page.url, chrome.port, preset.config);
        results.push({ page: page.name, preset: preset.name, ...scores, metrics });
        console.log(
          `[lighthouse] ${page.name.padEnd(8)} ${preset.name.padEnd(8)} ` +
            CATEGORIES.map((category) => `${category} ${scores[category] ?? "-"}`).join("  "),
        );
        console.log(
          `[lighthouse]                   ` +
            Object.entries(metrics)
              .map(
                ([name, value]) =>
                  `${name} ${value === null ? "-" : Math.round(value * 1000) / 1000}`,
              )
              .join("  "),
        );
      }
    }
    const folder = join(root, "lighthouse-results");
    mkdirSync(folder, { recursive: true });
    const measuredAt = new Date().toISOString();
    const file = join(folder, `${measuredAt.replaceAll(":", "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ measured_at: measuredAt, results }, null, 2)}\n`);
    console.log(`[lighthouse] written to ${file}`);
  } finally {
    await chrome?.kill();
    stopServers();
  }
}

main().catch((error: unknown) => {
  console.error(`[lighthouse] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
