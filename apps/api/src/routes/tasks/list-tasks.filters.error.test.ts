import { describe, expect, test } from "vitest";
import { createTask, nextLink, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

type Issue = { loc: (string | number)[]; type: string };

describe("GET /api/tasks filters: unknown values are a 422 naming the parameter", () => {
  test.each([
    ["priority=urgent", "priority"],
    ["priority=high,", "priority"],
    ["label=%23tag", "label"],
    ["label=a,,b", "label"],
    ["due=soon", "due"],
    ["due=today&tz=Mars%2FOlympus", "tz"],
    ["due_before=2027-02-30", "due_before"],
    ["due_after=tomorrow", "due_after"],
    ["q=", "q"],
    [`q=${"x".repeat(201)}`, "q"],
    ["sort=name", "sort"],
    ["sort=relevance", "sort"],
    ["sort=--title", "sort"],
  ])("%s", async (query, parameter) => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks?${query}`);
    expect(response.status).toBe(422);
    const { detail } = response.body as { detail: Issue[] };
    expect(detail.map((issue) => issue.loc)).toContainEqual(["query", parameter]);
  });

  test.each([
    ["another sort", "sort=title", "sort=-title"],
    ["another filter", "priority=high", "priority=low"],
    ["a filter added", "sort=title", "sort=title&label=x"],
    ["a search changed", "q=milk", "q=milky"],
    ["the default sort named otherwise", "", "sort=title"],
  ])("a cursor used with %s: 422 at query.cursor", async (_name, first, second) => {
    const alice = await api.user("alice");
    for (const title of ["milk a", "milk b", "milk c"]) {
      await createTask(alice, { title, priority: "high", labels: ["x"] });
    }
    const link = nextLink(await alice.get(`/api/tasks?limit=1&${first}`));
    const cursor = new URL(link ?? "", "http://x").searchParams.get("cursor");
    expect(cursor).not.toBeNull();
    const response = await alice.get(`/api/tasks?limit=1&${second}&cursor=${cursor}`);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          loc: ["query", "cursor"],
          msg: "This cursor belongs to a list with other filters or another sort",
          type: "value_error",
        },
      ],
    });
  });
});
