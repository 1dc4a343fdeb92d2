// The API scenarios as wrk request plans. Request k carries user (k mod 1000)'s token; the
// toggle scenario walks through each user's own tasks, so every request hits a row the caller owns.
import type { WrkScenario } from "./config.ts";
import type { Tokens } from "./jwks.ts";
import type { LoadPlan, PlannedRequest } from "./load.ts";

/** The users' tokens, and the one user with 10,000 tasks who searches them. */
export type ScenarioTokens = Tokens & { searcher: string };

export function planScenario(
  scenario: WrkScenario,
  baseUrl: string,
  tokens: ScenarioTokens,
  taskIds: string[][],
): LoadPlan {
  const each = (list: string[], make: (token: string, i: number) => PlannedRequest) =>
    list.map((token, i) => make(token, i));
  switch (scenario) {
    case "list":
    case "noisy":
      return plan(
        "GET",
        200,
        each(tokens.valid, (token) => ({ token, path: "/api/tasks" })),
      );
    case "filtered":
    case "due":
    case "search":
      return plan(
        "GET",
        200,
        each(tokens.valid, (token, i) => ({ token, path: ORGANIZE_PATHS[scenario](i) })),
      );
    case "search-10k":
      return plan("GET", 200, [{ token: tokens.searcher, path: SEARCHER_PATH }]);
    case "create":
      return plan(
        "POST",
        201,
        each(tokens.valid, (token, i) => ({
          token,
          path: "/api/tasks",
          body: JSON.stringify({ title: `Bench task from user ${i + 1}` }),
        })),
      );
    case "toggle": {
      const rounds = Math.max(...taskIds.map((ids) => ids.length));
      const requests: PlannedRequest[] = [];
      for (let round = 0; round < rounds; round++) {
        tokens.valid.forEach((token, user) => {
          const ids = taskIds[user] ?? [];
          const id = ids[round % ids.length];
          if (id) requests.push({ token, path: `/api/tasks/${id}/complete` });
        });
      }
      return plan("PATCH", 200, requests);
    }
    case "rejected":
      return plan(
        "GET",
        401,
        each(tokens.badSignature, (token) => ({ token, path: "/api/tasks" })),
      );
  }

  function plan(method: LoadPlan["method"], expectStatus: number, requests: PlannedRequest[]) {
    return { name: scenario, baseUrl, method, expectStatus, requests };
  }
}

/** The organizing reads of the ordinary users, on the labels and words database.ts seeds. */
const ORGANIZE_PATHS = {
  filtered: () => "/api/tasks?label=work&priority=high,medium",
  due: () => "/api/tasks?sort=due_at",
  search: (i: number) =>
    `/api/tasks?q=${encodeURIComponent(SEARCH_WORDS[i % SEARCH_WORDS.length] ?? "")}`,
} as const;

/** Words a person might search for (one misspelt), as the seeded titles hold them. */
const SEARCH_WORDS = ["groceries", "meeting", "plumber", "invoice", "grocries"];

/** The one user with 10,000 tasks searching them. */
const SEARCHER_PATH = "/api/tasks?q=groceries";

/** The noisy neighbour's own load: one user listing their first page over and over. */
export function planHeavyUser(baseUrl: string, token: string): LoadPlan {
  return {
    name: "noisy-heavy-user",
    baseUrl,
    method: "GET",
    expectStatus: 200,
    requests: [{ token, path: "/api/tasks" }],
  };
}

/**
 * Sends a scenario's first request and fails loudly if the answer is not the expected one. A 503
 * is asked again a few times, after its Retry-After: right after a large seed, the first page of a
 * cold table may outlast the API's deadline.
 */
export async function checkOnce(plan: LoadPlan, attempts = 5): Promise<void> {
  const first = plan.requests[0];
  if (!first) throw new Error(`scenario ${plan.name} has no requests`);
  const response = await fetch(`${plan.baseUrl}${first.path}`, {
    method: plan.method,
    headers: {
      authorization: `Bearer ${first.token}`,
      ...(first.body ? { "content-type": "application/json" } : {}),
    },
    body: first.body,
  });
  if (response.status === 503 && plan.expectStatus !== 503 && attempts > 1) {
    await response.body?.cancel();
    const seconds = Number(response.headers.get("retry-after") ?? 1);
    await new Promise((resolve) =>
      setTimeout(resolve, 1000 * (Number.isFinite(seconds) ? seconds : 1)),
    );
    return checkOnce(plan, attempts - 1);
  }
  if (response.status !== plan.expectStatus) {
    throw new Error(
      `${plan.name}: ${plan.method} ${first.path} answered ${response.status}, expected ` +
        `${plan.expectStatus}: ${(await response.text()).slice(0, 500)}`,
    );
  }
}
