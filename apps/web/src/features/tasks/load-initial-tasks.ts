import { createApiClient, fixedToken } from "@/lib/api-client";
import { describeError } from "@/lib/api-error";
import { getEnv } from "@/lib/env";
import { publicEnv } from "@/lib/public-env";
import { countTasks, listLabels, listTasks } from "./task-api";
import { countFilters, type ScreenState, screenSections, todayIn, viewDays } from "./task-views";
import type { InitialTasks } from "./tasks-provider";

/** A slow API must not hold the page: past this the browser fetches the list itself. */
const SERVER_FETCH_TIMEOUT_MS = 3_000;

/**
 * The screen's first pages (its view in its order, or a search's results), the counts and the
 * labels, fetched on the server with a token minted for this request, so the view is in the first
 * HTML, from API_INTERNAL_URL when set (the API as this server reaches it), else from the
 * browser's URL. Null when that is not possible; the
 * browser then loads them and shows any error with "Retry".
 */
export async function loadInitialTasks(
  token: string | null,
  screen: ScreenState,
  timeZone: string,
): Promise<InitialTasks | null> {
  if (!token) return null;
  const api = createApiClient({
    baseUrl: getEnv().API_INTERNAL_URL ?? publicEnv.apiUrl,
    tokens: fixedToken(token),
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(SERVER_FETCH_TIMEOUT_MS) }),
  });
  const days = viewDays(todayIn(timeZone));
  try {
    const filters = screenSections(screen, days).map((section) => section.filter);
    const [pages, counts, labels] = await Promise.all([
      Promise.all(filters.map((filter) => listTasks(api, { filter }))),
      countTasks(api, countFilters(days)),
      listLabels(api),
    ]);
    const lists = filters.map((filter, index) => ({ filter, page: pages[index] ?? emptyPage }));
    return { lists, counts, labels, today: days.today, fetchedAt: Date.now() };
  } catch (error) {
    console.warn(`tasks page: left the first load to the browser: ${describeError(error)}`);
    return null;
  }
}

const emptyPage = { tasks: [], nextCursor: null };
