import { describe, expect, test } from "vitest";
import {
  nextLink,
  outcome,
  setupTestApi,
  trashTask,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

const notWithTrash = (name: string) => ({
  loc: ["query", name],
  msg: `${name} cannot be combined with trashed=true`,
  type: "value_error",
});

const cursorOf = (link: string | undefined) =>
  new URL(link ?? "", "http://x").searchParams.get("cursor") ?? "";

describe("GET /api/tasks?trashed=true errors", () => {
  test("trashed with another value: 422 naming it", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks?trashed=1");
    expect(outcome(response)).toEqual({
      status: 422,
      body: validationBody({
        loc: ["query", "trashed"],
        msg: "Input should be 'true' or 'false'",
        type: "enum",
      }),
    });
  });

  test.each([
    ["status=pending", "status"],
    ["priority=high", "priority"],
    ["label=work", "label"],
    ["due=today", "due"],
    ["due_before=2027-01-01", "due_before"],
    ["due_after=2027-01-01", "due_after"],
    ["q=milk", "q"],
    ["sort=title", "sort"],
  ])("with %s: 422 naming %s", async (query, name) => {
    const alice = await api.user("alice");
    const response = await alice.get(`/api/tasks?trashed=true&${query}`);
    expect(outcome(response)).toEqual({ status: 422, body: validationBody(notWithTrash(name)) });
  });

  test("a cursor of the live list: 422 at cursor", async () => {
    const alice = await api.user("alice");
    await alice.post("/api/tasks", { title: "a" });
    await alice.post("/api/tasks", { title: "b" });
    const cursor = cursorOf(nextLink(await alice.get("/api/tasks?limit=1")));
    const response = await alice.get(`/api/tasks?trashed=true&cursor=${cursor}`);
    expect(outcome(response)).toEqual({
      status: 422,
      body: validationBody({
        loc: ["query", "cursor"],
        msg: "This cursor belongs to a list with other filters or another sort",
        type: "value_error",
      }),
    });
  });

  test("a cursor of the trash on the live list: 422 at cursor", async () => {
    const alice = await api.user("alice");
    await trashTask(alice);
    await trashTask(alice);
    const cursor = cursorOf(nextLink(await alice.get("/api/tasks?trashed=true&limit=1")));
    const response = await alice.get(`/api/tasks?cursor=${cursor}`);
    expect(outcome(response)).toEqual({
      status: 422,
      body: validationBody({
        loc: ["query", "cursor"],
        msg: "This cursor belongs to a list with other filters or another sort",
        type: "value_error",
      }),
    });
  });
});
