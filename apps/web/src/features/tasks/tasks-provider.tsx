"use client";

import { QueryClient, type QueryClientConfig, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { type ApiClient, createApiClient } from "@/lib/api-client";
import { isRetryable, isUnreachable } from "@/lib/api-error";
import { apiToken, type TokenSource } from "@/lib/api-token";
import { publicEnv } from "@/lib/public-env";
import type { Label, TaskCounts, TaskPage } from "./task-api";
import type { TaskListData } from "./task-cache";
import { taskKeys } from "./task-keys";
import type { ListFilter } from "./task-views";

/** What the server fetched for the first render, so the view shows without a loading flash. */
export interface InitialTasks {
  /** The first page of each list of the view on screen. */
  lists: { filter: ListFilter; page: TaskPage }[];
  counts: TaskCounts;
  labels: Label[];
  /** The day the counts were taken on, in the user's zone (`YYYY-MM-DD`). */
  today: string;
  /** When the server fetched it (ms since the epoch). */
  fetchedAt: number;
}

const ApiContext = createContext<ApiClient | null>(null);

/** Where the screen's live updates come from (`GET /api/events`). */
export interface LiveSource {
  url: string;
  tokens: Pick<TokenSource, "getToken" | "refresh">;
  /** How long the stream may be down before the screen says so. */
  noticeAfterMs?: number;
}

const LiveSourceContext = createContext<LiveSource | null>(null);

/** The live stream to follow, or null for none. */
export const useLiveSource = (): LiveSource | null => useContext(LiveSourceContext);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi must be used inside <TasksProvider>");
  return api;
}

type QueryDefaults = NonNullable<QueryClientConfig["defaultOptions"]>["queries"];

/** Tries after the first while the API cannot be reached (TanStack's backoff: 1, 2, then 4 s). */
const UNREACHABLE_RETRIES = 3;

/**
 * The feature's cache: lists stay fresh for 30 s, and are fetched again when the browser comes
 * back online or the window gets focus (when stale). A failed read is tried again with backoff
 * while the API cannot be reached, once after any other server error, never after a refusal
 * (4xx); after that the list says what went wrong, and it recovers by itself once the API
 * answers again (use-api-connection.ts). `overrides` are for tests.
 */
export function createTaskQueryClient(overrides: QueryDefaults = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnReconnect: true,
        refetchOnWindowFocus: true,
        retry: (failures, error) =>
          failures < (isUnreachable(error) ? UNREACHABLE_RETRIES : 1) && isRetryable(error),
        ...overrides,
      },
    },
  });
}

export function seedTasks(client: QueryClient, initial: InitialTasks): void {
  const updatedAt = initial.fetchedAt;
  for (const { filter, page } of initial.lists) {
    client.setQueryData<TaskListData>(
      taskKeys.list(filter),
      { pages: [page], pageParams: [null] },
      { updatedAt },
    );
  }
  client.setQueryData<TaskCounts>(taskKeys.counts(initial.today), initial.counts, { updatedAt });
  client.setQueryData<Label[]>(taskKeys.labels(), initial.labels, { updatedAt });
}

export interface TasksProviderProps {
  children: ReactNode;
  initial?: InitialTasks | null;
  /** Defaults to the browser's client: `publicEnv.apiUrl` with the in-memory session token. */
  api?: ApiClient;
  queryClient?: QueryClient;
  /** Defaults to the browser's stream when `api` is the browser's client too; else none. */
  live?: LiveSource | null;
}

export function TasksProvider({ children, initial, api, queryClient, live }: TasksProviderProps) {
  const [client] = useState(() => {
    const created = queryClient ?? createTaskQueryClient();
    if (initial) seedTasks(created, initial);
    return created;
  });
  const [apiClient] = useState(
    () => api ?? createApiClient({ baseUrl: publicEnv.apiUrl, tokens: apiToken }),
  );
  const usesBrowserToken = !api;
  const [liveSource] = useState(() =>
    usesBrowserToken ? { url: `${publicEnv.apiUrl}/api/events`, tokens: apiToken } : (live ?? null),
  );

  useEffect(() => {
    if (!usesBrowserToken) return;
    // Never reuse a token from before this screen (another session may have signed in since), and
    // fetch the new one now, so the first change is quick and a delete still waiting for its undo
    // window can be sent even if the user signs out first.
    apiToken.clear();
    apiToken.getToken().catch(() => {
      // A failure here surfaces again, in words, on the first call that needs the token.
    });
  }, [usesBrowserToken]);
  return (
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={apiClient}>
        <LiveSourceContext.Provider value={liveSource}>{children}</LiveSourceContext.Provider>
      </ApiContext.Provider>
    </QueryClientProvider>
  );
}
