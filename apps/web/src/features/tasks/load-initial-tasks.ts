import { createApiClient, fixedToken } from "@/lib/api-client";
import { describeError } from "@/lib/api-error";
import { getEnv } from "@/lib/env";
import { publicEnv } from "@/lib/public-env";
import { countTasks, listTasks, type TaskStatus } from "./task-api";
import type { InitialTasks } from "./tasks-provider";

/** A slow API must not hold the page: past this the browser fetches the list itself. */
const SERVER_FETCH_TIMEOUT_MS = 3_000;

/**
 * The first page and the counts, fetched on the server with a token minted for this request, so
 * the list is in the first HTML, from API_INTERNAL_URL when set (the API as this server reaches
 * it), else from the browser's URL. Null when that is not possible; the browser then loads the
 * list and shows any error with "Retry".
 */
export async function loadInitialTasks(
  token: string | null,
  status: TaskStatus,
): Promise<InitialTasks | null> {
  if (!token) return null;
  const api = createApiClient({
    baseUrl: getEnv().API_INTERNAL_URL ?? publicEnv.apiUrl,
    tokens: fixedToken(token),
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(SERVER_FETCH_TIMEOUT_MS) }),
  });
  try {
    const [page, counts] = await Promise.all([listTasks(api, { status }), countTasks(api)]);
    return { status, page, counts, fetchedAt: Date.now() };
  } catch (error) {
    console.warn(`tasks page: left the first load to the browser: ${describeError(error)}`);
    return null;
  }
}
