import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import {
  type Client,
  createTask,
  nextLink,
  setupTestApi,
  type TaskJson,
} from "../../../test/harness.ts";

const api = setupTestApi();

const titles = (response: { body: unknown }) => (response.body as TaskJson[]).map((t) => t.title);

/** Every page of a list, following its Link headers. */
async function allPages(user: Client, path: string) {
  const seen: string[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const response = await user.get(next);
    expect(response.status).toBe(200);
    seen.push(...titles(response));
    next = nextLink(response);
  }
  return seen;
}

const today = (zone: string, days = 0) => Temporal.Now.plainDateISO(zone).add({ days }).toString();

describe("GET /api/tasks filters", () => {
  test("priority= any listed; label= every listed, ignoring case; X-Total-Count counts the matches", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "a", priority: "high", labels: ["Work", "urgent"] });
    await createTask(alice, { title: "b", priority: "medium", labels: ["work"] });
    await createTask(alice, { title: "c", priority: "low", labels: ["urgent"] });
    await createTask(alice, { title: "d" });
    const byPriority = await alice.get("/api/tasks?priority=high,medium");
    expect(titles(byPriority)).toEqual(["b", "a"]);
    expect(byPriority.headers.get("x-total-count")).toBe("2");
    expect(titles(await alice.get("/api/tasks?label=WORK"))).toEqual(["b", "a"]);
    expect(titles(await alice.get("/api/tasks?label=work,Urgent"))).toEqual(["a"]);
    expect(titles(await alice.get("/api/tasks?label=work&priority=medium"))).toEqual(["b"]);
    expect(titles(await alice.get("/api/tasks?priority=none"))).toEqual(["d"]);
  });

  test("label= matches labels holding quotes, backslashes, braces and spaces exactly", async () => {
    const alice = await api.user("alice");
    const odd = ['say "hi"', "back\\slash", "{braces}", "two words", "NULL"];
    for (const [i, label] of odd.entries()) {
      await createTask(alice, { title: `t${i}`, labels: [label] });
    }
    await createTask(alice, { title: "both", labels: odd.slice(0, 2) });
    const byLabel = async (labels: string[]) =>
      titles(await alice.get(`/api/tasks?label=${encodeURIComponent(labels.join(","))}`));
    expect(await Promise.all(odd.map((label) => byLabel([label])))).toEqual([
      ["both", "t0"],
      ["both", "t1"],
      ["t2"],
      ["t3"],
      ["t4"],
    ]);
    expect(await byLabel(odd.slice(0, 2))).toEqual(["both"]);
  });

  test("due= overdue, today, tomorrow, week, none, any in the caller's zone; due_before/due_after inclusive", async () => {
    const alice = await api.user("alice");
    const zone = "Pacific/Kiritimati";
    await createTask(alice, { title: "past", due_date: "2020-01-01" });
    await createTask(alice, { title: "past done", due_date: "2020-01-02" }).then((t) =>
      alice.patch(`/api/tasks/${t.id}/complete`),
    );
    await createTask(alice, { title: "today", due_date: today(zone), time_zone: zone });
    await createTask(alice, { title: "tomorrow", due_date: today(zone, 1), time_zone: zone });
    await createTask(alice, { title: "in six days", due_date: today(zone, 6), time_zone: zone });
    await createTask(alice, { title: "in a week", due_date: today(zone, 7), time_zone: zone });
    await createTask(alice, { title: "undated" });
    const list = (query: string) => allPages(alice, `/api/tasks?${query}`);
    expect(await list("due=overdue")).toEqual(["past"]);
    expect(await list(`due=today&tz=${zone}`)).toEqual(["today"]);
    expect(await list(`due=tomorrow&tz=${zone}`)).toEqual(["tomorrow"]);
    expect(await list(`due=week&tz=${zone}`)).toEqual(["in six days", "tomorrow", "today"]);
    expect(await list("due=none")).toEqual(["undated"]);
    expect((await list("due=any")).length).toBe(6);
    expect(await list("due_before=2020-01-02")).toEqual(["past done", "past"]);
    expect(await list("due_after=2020-01-02&due_before=2020-01-02")).toEqual(["past done"]);
  });

  test("q= finds case- and accent-insensitively, word forms, substrings and small typos", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Café with Anna" });
    await createTask(alice, { title: "Weekly meeting" });
    await createTask(alice, { title: "Buy groceries" });
    await createTask(alice, { title: "Call the bank", description: "about the groceries bill" });
    const search = async (q: string) =>
      titles(await alice.get(`/api/tasks?q=${encodeURIComponent(q)}`));
    expect(await search("cafe")).toEqual(["Café with Anna"]);
    expect(await search("CAFÉ")).toEqual(["Café with Anna"]);
    expect(await search("meetings")).toEqual(["Weekly meeting"]);
    expect(await search("groc")).toEqual(["Buy groceries", "Call the bank"]);
    expect(await search("grocries")).toContain("Buy groceries");
    expect(await search("100%")).toEqual([]);
  });

  test("sort= every field both ways; no due_at last either way; ties by -created_at", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "beta", priority: "low", due_date: "2027-01-02" });
    await createTask(alice, { title: "Alpha", priority: "high" });
    await createTask(alice, { title: "gamma", priority: "low", due_date: "2027-01-01" });
    await createTask(alice, { title: "delta", priority: "none" });
    const sorted = (sort: string) => allPages(alice, `/api/tasks?sort=${sort}&limit=1`);
    expect(await sorted("created_at")).toEqual(["beta", "Alpha", "gamma", "delta"]);
    expect(await sorted("-created_at")).toEqual(["delta", "gamma", "Alpha", "beta"]);
    expect(await sorted("title")).toEqual(["Alpha", "beta", "delta", "gamma"]);
    expect(await sorted("-title")).toEqual(["gamma", "delta", "beta", "Alpha"]);
    expect(await sorted("priority")).toEqual(["delta", "gamma", "beta", "Alpha"]);
    expect(await sorted("-priority")).toEqual(["Alpha", "gamma", "beta", "delta"]);
    expect(await sorted("due_at")).toEqual(["gamma", "beta", "delta", "Alpha"]);
    expect(await sorted("-due_at")).toEqual(["beta", "gamma", "delta", "Alpha"]);
    expect(await sorted("-updated_at")).toEqual(["delta", "gamma", "Alpha", "beta"]);
  });

  test("with q, relevance first by default: title matches above description matches", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Call the bank", description: "groceries money" });
    await createTask(alice, { title: "Buy groceries" });
    await createTask(alice, { title: "Plan the week", description: "groceries list" });
    const response = await alice.get("/api/tasks?q=groceries&limit=1");
    expect(titles(response)).toEqual(["Buy groceries"]);
    expect(response.headers.get("x-total-count")).toBe("3");
    expect(await allPages(alice, "/api/tasks?q=groceries&limit=1")).toEqual([
      "Buy groceries",
      "Plan the week",
      "Call the bank",
    ]);
  });

  test("a search that finds nothing answers an empty page counted 0", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "Buy groceries" });
    const response = await alice.get("/api/tasks?q=zebra");
    expect([response.status, response.body, response.headers.get("x-total-count")]).toEqual([
      200,
      [],
      "0",
    ]);
  });
});
