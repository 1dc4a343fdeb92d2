import type { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type ApiClient, createApiClient } from "@/lib/api-client";
import { createTokenSource, type TokenSource } from "@/lib/api-token";
import { TaskManager } from "../components/task-manager";
import { TaskSearchField } from "../components/task-search-field";
import { type SortPreferences, viewSortKey } from "../sort-preference";
import { countTasks, listLabels, listTasks } from "../task-api";
import { TaskFeedbackProvider, useFeedbackState } from "../task-feedback";
import { DEFAULT_SORT, type SortKey } from "../task-sort";
import { countFilters, screenSections, type TaskView, todayIn, viewDays } from "../task-views";
import { createTaskQueryClient, TasksProvider } from "../tasks-provider";
import { type FakeTaskApi, startFakeTaskApi } from "./fake-task-api";

/**
 * A signed-in user for component tests (seed 000 section 5's session helper, for real): a session
 * cookie on the fake server, the app's own token source fetching real JWTs with it, and the app's
 * own API client using them.
 */
export interface TestSession {
  userId: string;
  cookie: string;
  tokens: TokenSource;
  api: ApiClient;
  /** The fake API's origin. */
  apiUrl: string;
  /** How many times the token source said the session had ended. */
  sessionEndings: () => number;
}

export function signIn(server: FakeTaskApi, userId: string): TestSession {
  const cookie = server.session(userId);
  let endings = 0;
  const tokens = createTokenSource({
    tokenUrl: `${server.url}/api/auth/token`,
    // A browser sends the session cookie by itself; Node's fetch needs it spelled out.
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }),
    onSessionEnded: () => {
      endings += 1;
    },
  });
  return {
    userId,
    cookie,
    tokens,
    api: createApiClient({ baseUrl: server.url, tokens }),
    apiUrl: server.url,
    sessionEndings: () => endings,
  };
}

/** No retries and no garbage collection: each test sees exactly the requests it caused. */
export function testQueryClient(): QueryClient {
  return createTaskQueryClient({ retry: false, gcTime: Number.POSITIVE_INFINITY });
}

function FeedbackOutlet() {
  const { announcement, failure } = useFeedbackState();
  return (
    <>
      {failure ? <p role="alert">{failure}</p> : null}
      <p role="status">{announcement}</p>
    </>
  );
}

/** Render part of the tasks feature as `session`'s user would see it. */
export function renderWithSession(ui: ReactElement, session: TestSession) {
  const queryClient = testQueryClient();
  const result = render(
    <TasksProvider api={session.api} queryClient={queryClient}>
      <TaskFeedbackProvider>
        {ui}
        <FeedbackOutlet />
      </TaskFeedbackProvider>
    </TasksProvider>,
  );
  return { ...result, queryClient };
}

/**
 * Fill the gaps jsdom leaves that the toaster relies on: matchMedia (system colour scheme) and
 * pointer capture (swipe to dismiss). They do nothing; no behaviour under test depends on them.
 */
export function installBrowserGaps(): void {
  if (typeof window.matchMedia !== "function") {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof Element.prototype.setPointerCapture !== "function") {
    Element.prototype.setPointerCapture = () => {};
    Element.prototype.releasePointerCapture = () => {};
    Element.prototype.hasPointerCapture = () => false;
  }
}

/** The zone component tests run in: the browser's (jsdom's), like the app. */
export const testTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface RenderOptions {
  serverRendered?: boolean;
  view?: TaskView;
  /** The address's `?q=` and `?sort=`, and the sort cookie's preferences. */
  search?: string | null;
  sort?: SortKey | null;
  sortPreferences?: SortPreferences;
  undoWindowMs?: number;
  /** Follow the fake API's live stream, saying so when it has been down this long. */
  live?: { noticeAfterMs: number };
}

/**
 * The whole task screen for `session`'s user, with the header's search box. With
 * `serverRendered`, the screen's first pages, the counts and the labels are fetched first, as the
 * tasks page does on the server, and passed in.
 */
export async function renderTaskManager(session: TestSession, options: RenderOptions = {}) {
  installBrowserGaps();
  const view = options.view ?? { kind: "inbox" };
  const search = options.search ?? null;
  const sort = options.sort ?? null;
  const sortPreferences = options.sortPreferences ?? {};
  const days = viewDays(todayIn(testTimeZone()));
  const screenSort = sort ?? sortPreferences[viewSortKey(view)] ?? DEFAULT_SORT;
  const filters = screenSections({ view, search, sort: screenSort }, days).map(
    (section) => section.filter,
  );
  const initial = options.serverRendered
    ? {
        lists: await Promise.all(
          filters.map(async (filter) => ({
            filter,
            page: await listTasks(session.api, { filter }),
          })),
        ),
        counts: await countTasks(session.api, countFilters(days)),
        labels: await listLabels(session.api),
        today: days.today,
        fetchedAt: Date.now(),
      }
    : null;
  const queryClient = testQueryClient();
  const result = render(
    <TaskManager
      api={session.api}
      queryClient={queryClient}
      initial={initial}
      view={view}
      search={search}
      sort={sort}
      sortPreferences={sortPreferences}
      header={<TaskSearchField />}
      timeZone={testTimeZone()}
      undoWindowMs={options.undoWindowMs ?? 60_000}
      live={
        options.live
          ? { url: `${session.apiUrl}/api/events`, tokens: session.tokens, ...options.live }
          : null
      }
    />,
  );
  return { ...result, queryClient };
}

/**
 * Registers the hooks a component test file needs: one fake API server for the file, reset after
 * each test, and a freshly signed-in user (`<prefix>-<n>`) for each test.
 */
export function setUpFakeTaskApi(prefix: string) {
  let server: FakeTaskApi | undefined;
  let session: TestSession | undefined;
  let count = 0;
  beforeAll(async () => {
    server = await startFakeTaskApi();
  });
  afterAll(() => server?.close());
  afterEach(() => server?.reset());
  beforeEach(() => {
    count += 1;
    session = signIn(need(server), `${prefix}-${count}`);
  });
  return {
    get server() {
      return need(server);
    },
    get session() {
      return need(session);
    },
  };
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("setUpFakeTaskApi: used outside a test");
  return value;
}
