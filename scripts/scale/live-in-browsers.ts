import { type Browser, chromium, type Page } from "@playwright/test";
import {
  locationFor,
  parseLocations,
  readNginxConfig,
} from "../../apps/api/test/support/nginx-config.ts";
import { chromiumLaunchOptions } from "../../apps/web/e2e/chromium.ts";
import { percentile } from "../../bench/lib/bench-api.ts";
import type { Outcome } from "./scale-checks.ts";

/** The requirement: a change shows in the user's other browser within a second. */
const LIVE_MS = 1000;
/** How long a watch waits before the change counts as never shown. */
const WATCH_TIMEOUT_MS = 5000;
/** One task per word: quick add reads no date, priority or label in them. */
const WORDS = [
  "apple",
  "birch",
  "cedar",
  "dune",
  "ember",
  "fjord",
  "grove",
  "heath",
  "inlet",
  "juniper",
];

type Account = { email: string; password: string };

/** The paths nginx sends to the API replicas (deploy/nginx/taskline.conf), read from the file itself. */
const locations = parseLocations(readNginxConfig());
const isApiPath = (url: URL) => locationFor(locations, url.pathname)?.upstream === "taskline_api";

/** A browser context of `account` on `origin`, its API requests sent to one API replica instead. */
type Pinned = { name: string; page: Page; apiPorts: Promise<number | null>[] };

/**
 * Signs in over HTTP and opens /tasks. Each API request, the live stream included, is continued to
 * `apiUrl` (route.continue streams the answer as it comes; the page still sees its one origin), and
 * the port each API answer really came from is kept, to show the pinning held.
 */
async function openPinned(
  name: string,
  browser: Browser,
  origin: string,
  apiUrl: string,
  account: Account,
): Promise<Pinned> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1100, height: 760 },
  });
  const api = new URL(apiUrl);
  await context.route(
    (url) => url.origin === origin && isApiPath(url),
    (route) => {
      const url = new URL(route.request().url());
      url.host = api.host;
      return route.continue({ url: url.href });
    },
  );
  const apiPorts: Promise<number | null>[] = [];
  context.on("response", (response) => {
    if (isApiPath(new URL(response.url()))) {
      // null: the browser closed before it told (an answer at the very end), never a crash.
      apiPorts.push(
        response.serverAddr().then(
          (address) => address?.port ?? 0,
          () => null,
        ),
      );
    }
  });
  const signIn = await context.request.post(`${origin}/api/auth/sign-in/email`, {
    data: account,
    headers: { origin },
  });
  if (signIn.status() !== 200)
    throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
  const page = await context.newPage();
  const stream = answerTo(page, "GET", /^\/api\/events$/);
  await page.goto("/tasks");
  // The API answers 200 only once the stream is registered for the user's events.
  if ((await stream).status() !== 200) throw new Error(`${apiUrl}/api/events did not answer 200`);
  return { name, page, apiPorts };
}

/** The browser globals the watch uses (scripts/ are compiled without the DOM library). */
type InPage = {
  document: { querySelector(selector: string): unknown; documentElement: unknown };
  MutationObserver: new (
    callback: () => void,
  ) => {
    observe(target: unknown, options: { subtree: true; childList: true; attributes: true }): void;
    disconnect(): void;
  };
  liveWatch?: Promise<number>;
};

/**
 * Starts watching, in the page, for `selector` to match (`present`) or to match nothing; `seenAt`
 * then gives the page's clock (ms since the epoch, as Node's) at the first DOM change that did it,
 * or Infinity when none did within WATCH_TIMEOUT_MS.
 */
async function watch(page: Page, selector: string, present: boolean) {
  await page.evaluate(
    ({ selector, present, timeoutMs }) => {
      const view = globalThis as unknown as InPage;
      view.liveWatch = new Promise<number>((resolve) => {
        const done = () => (view.document.querySelector(selector) !== null) === present;
        if (done()) return resolve(Date.now());
        const observer = new view.MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(Date.now());
        });
        observer.observe(view.document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(Number.POSITIVE_INFINITY);
        }, timeoutMs);
      });
    },
    { selector, present, timeoutMs: WATCH_TIMEOUT_MS },
  );
}

const seenAt = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as InPage).liveWatch ?? Promise.resolve(Number.NaN));

const checkboxOf = (title: string) =>
  `[role="checkbox"][aria-label=${JSON.stringify(`Complete "${title}"`)}]`;

/** Whether every API answer the context got came from `replica` (by the port it really came from). */
async function pinningOf(pinned: Pinned, replica: { name: string; url: string }) {
  const ports = (await Promise.all(pinned.apiPorts)).filter((port) => port !== null);
  const own = Number(new URL(replica.url).port);
  const elsewhere = ports.filter((port) => port !== own);
  return {
    held: ports.length > 0 && elsewhere.length === 0,
    figures: `${pinned.name} → ${replica.name}: ${ports.length} API answers, ${elsewhere.length} from elsewhere${elsewhere.length > 0 ? ` (ports ${[...new Set(elsewhere)].join(", ")})` : ""}`,
  };
}

/**
 * The page's next answer to `method` `path`. The caller awaits it unless an earlier step failed;
 * then the browser's closing rejects it, which must fail the check, not crash the run.
 */
function answerTo(page: Page, method: string, path: RegExp) {
  const answer = page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
  answer.catch(() => {});
  return answer;
}

/** Each word in turn: A adds a task, B completes it; the delays until the other list showed each. */
async function changeInTurn(a: Pinned, b: Pinned) {
  const adds: number[] = [];
  const completions: number[] = [];
  for (const word of WORDS) {
    const title = `Replica note ${word}`;
    await a.page.getByLabel("Task title").fill(title);
    await watch(b.page, checkboxOf(title), true);
    const created = answerTo(a.page, "POST", /^\/api\/tasks$/);
    const typed = Date.now();
    await a.page.getByLabel("Task title").press("Enter");
    adds.push((await seenAt(b.page)) - typed);
    if ((await created).status() !== 201) throw new Error(`adding "${title}" was refused`);

    const box = b.page.getByRole("checkbox", { name: `Complete "${title}"` });
    await box.click({ trial: true });
    await watch(a.page, `${checkboxOf(title)}[aria-checked="false"]`, false);
    const completed = answerTo(b.page, "PATCH", /^\/api\/tasks\/[^/]+\/complete$/);
    const clicked = Date.now();
    await box.click();
    completions.push((await seenAt(a.page)) - clicked);
    if ((await completed).status() !== 200) throw new Error(`completing "${title}" was refused`);
  }
  return { adds, completions };
}

const NAME =
  "two browsers of one user, each pinned to its own API replica, see each other's changes within 1 s";

/**
 * Two browser contexts of one user on the web app through nginx, each pinned to its own API
 * replica: A adds tasks with quick add, B completes them; each time, how long from the key press
 * or click until the other browser's list showed it.
 */
export async function liveInBrowsers(options: {
  origin: string;
  /** The two API replicas: A is pinned to the first, B to the second. */
  api: readonly { name: string; url: string }[];
  account: Account;
}): Promise<Outcome> {
  const { origin, account } = options;
  const [apiA, apiB] = options.api;
  if (!apiA || !apiB) throw new Error("replicas missing");
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const a = await openPinned("A", browser, origin, apiA.url, account);
    const b = await openPinned("B", browser, origin, apiB.url, account);
    const { adds, completions } = await changeInTurn(a, b);
    const paused = await Promise.all(
      [a, b].map((p) => p.page.getByText("Live updates paused").count()),
    );
    const pins = await Promise.all([pinningOf(a, apiA), pinningOf(b, apiB)]);
    const all = [...adds, ...completions].sort((x, y) => x - y);
    const missed = all.filter((ms) => ms === Number.POSITIVE_INFINITY).length;
    const max = (values: number[]) => Math.max(...values);
    return {
      name: NAME,
      passed:
        all.every((ms) => ms <= LIVE_MS) &&
        pins.every((pin) => pin.held) &&
        paused.every((n) => n === 0),
      figures: `${all.length} changes (${adds.length} quick adds in A, in B's list after at most ${max(adds)} ms; ${completions.length} completions in B, in A's after at most ${max(completions)} ms${missed > 0 ? `; ${missed} not shown within ${WATCH_TIMEOUT_MS} ms` : ""}): p50 ${percentile(all, 50)} ms, p99 ${percentile(all, 99)} ms; ${pins.map((pin) => pin.figures).join("; ")}${paused.some((n) => n > 0) ? "; live updates paused on the way" : ""}`,
    };
  } catch (error) {
    return { name: NAME, passed: false, figures: `stopped: ${String(error)}` };
  } finally {
    await browser.close();
  }
}
