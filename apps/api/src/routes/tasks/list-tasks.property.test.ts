import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { type Client, nextLink, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

/**
 * A model of the list's rules in memory: random tasks, random filters and sorts, paged with a
 * small limit, must come back exactly as the model orders them, with its X-Total-Count.
 */

const PRIORITIES = ["none", "low", "medium", "high"] as const;
const LABELS = ["Work", "work", "home", "Urgent", "ÉTÉ"];
const TITLES = ["alpha", "Beta", "beta", "Éclair", "delta", "Zebra", "zeta"];
const ZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
const SORTS = ["created_at", "updated_at", "due_at", "priority", "title"].flatMap((s) => [
  s,
  `-${s}`,
]);

const day = (offset: number, zone = "UTC") =>
  Temporal.Now.plainDateISO(zone).add({ days: offset }).toString();

const taskArbitrary = fc.record({
  title: fc.constantFrom(...TITLES),
  priority: fc.constantFrom(...PRIORITIES),
  labels: fc.subarray(LABELS, { maxLength: 3 }),
  due: fc.option(
    fc.record({
      offset: fc.integer({ min: -3, max: 8 }),
      time: fc.option(fc.constantFrom("00:30", "12:00", "23:30"), { nil: null }),
      zone: fc.constantFrom(...ZONES),
    }),
    { nil: null },
  ),
  completed: fc.boolean(),
});

/** Each filter in about one query of four, so that lists are seldom empty. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 3 });

const queryArbitrary = fc.record({
  status: sometimes(fc.constantFrom("all", "pending", "completed")),
  priority: sometimes(fc.subarray([...PRIORITIES], { minLength: 1, maxLength: 3 })),
  label: sometimes(fc.subarray(["work", "HOME", "urgent", "été"], { minLength: 1, maxLength: 2 })),
  due: sometimes(fc.constantFrom("overdue", "today", "tomorrow", "week", "none", "any")),
  tz: sometimes(fc.constantFrom(...ZONES)),
  due_before: sometimes(fc.integer({ min: -3, max: 8 })),
  due_after: sometimes(fc.integer({ min: -3, max: 8 })),
  sort: fc.option(fc.constantFrom(...SORTS), { nil: undefined, freq: 5 }),
  limit: fc.integer({ min: 1, max: 3 }),
});

type Query = typeof queryArbitrary extends fc.Arbitrary<infer Q> ? Q : never;

const rank = (task: TaskJson) => PRIORITIES.indexOf(task.priority);

function compare(sort: string, a: TaskJson, b: TaskJson): number {
  const field = sort.replace(/^-/, "");
  const sign = sort.startsWith("-") ? -1 : 1;
  const codePoints = (s: string) => [...s.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  const byKey = (): number => {
    switch (field) {
      case "due_at":
        if (a.due_at === null || b.due_at === null) return 0;
        return sign * a.due_at.localeCompare(b.due_at);
      case "priority":
        return sign * (rank(a) - rank(b));
      case "title": {
        const [x, y] = [codePoints(a.title), codePoints(b.title)];
        for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
          if (x[i] !== y[i]) return sign * ((x[i] ?? 0) - (y[i] ?? 0));
        }
        return sign * (x.length - y.length);
      }
      default:
        return (
          sign * String(a[field as "created_at"]).localeCompare(String(b[field as "created_at"]))
        );
    }
  };
  if (field === "due_at" && (a.due_at === null) !== (b.due_at === null))
    return a.due_at === null ? 1 : -1;
  return (
    byKey() || b.created_at.localeCompare(a.created_at) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0)
  );
}

function model(tasks: TaskJson[], query: Query, now: string): TaskJson[] {
  const tz = query.tz ?? "UTC";
  const keys = (task: TaskJson) => task.labels.map((l) => l.toLowerCase());
  return tasks
    .filter(
      (t) =>
        query.status === undefined ||
        query.status === "all" ||
        t.is_completed === (query.status === "completed"),
    )
    .filter((t) => query.priority === undefined || query.priority.includes(t.priority))
    .filter(
      (t) =>
        query.label === undefined || query.label.every((l) => keys(t).includes(l.toLowerCase())),
    )
    .filter((t) => {
      const date = t.due_date;
      switch (query.due) {
        case undefined:
          return true;
        case "overdue":
          return !t.is_completed && t.due_at !== null && t.due_at <= now;
        case "today":
          return date === day(0, tz);
        case "tomorrow":
          return date === day(1, tz);
        case "week":
          return date !== null && date >= day(0, tz) && date <= day(6, tz);
        case "none":
          return date === null;
        default:
          return date !== null;
      }
    })
    .filter(
      (t) =>
        query.due_before === undefined ||
        (t.due_date !== null && t.due_date <= day(query.due_before)),
    )
    .filter(
      (t) =>
        query.due_after === undefined ||
        (t.due_date !== null && t.due_date >= day(query.due_after)),
    )
    .sort((a, b) => compare(query.sort ?? "-created_at", a, b));
}

function path(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (name === "due_before" || name === "due_after") params.set(name, day(Number(value)));
    else params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return `/api/tasks?${params}`;
}

async function pages(user: Client, first: string) {
  const ids: string[] = [];
  const totals = new Set<string | null>();
  let next: string | undefined = first;
  while (next !== undefined) {
    const response = await user.get(next);
    expect(response.status, response.text).toBe(200);
    ids.push(...(response.body as TaskJson[]).map((t) => t.id));
    totals.add(response.headers.get("x-total-count"));
    next = nextLink(response);
  }
  return { ids, totals: [...totals] };
}

describe("GET /api/tasks against a model of its rules", () => {
  test("random tasks, filters and sorts, paged with a small limit: same tasks, same order, same count", async () => {
    let run = 0;
    const checked = { queries: 0, ordered: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArbitrary, { minLength: 0, maxLength: 14 }),
        fc.array(queryArbitrary, { minLength: 1, maxLength: 4 }),
        async (specs, queries) => {
          run += 1;
          const user = await api.user(`prop${run}`);
          const tasks: TaskJson[] = [];
          for (const spec of specs) {
            const due = spec.due && {
              due_date: day(spec.due.offset, spec.due.zone),
              due_time: spec.due.time,
              time_zone: spec.due.zone,
            };
            const created = await user.post("/api/tasks", {
              title: spec.title,
              priority: spec.priority,
              labels: spec.labels,
              ...due,
            });
            expect(created.status, created.text).toBe(201);
            let task = created.body as TaskJson;
            if (spec.completed)
              task = (await user.patch(`/api/tasks/${task.id}/complete`)).body as TaskJson;
            tasks.push(task);
          }
          for (const query of queries) {
            checked.queries += 1;
            const now = new Date().toISOString();
            const expected = model(tasks, query, now);
            const { ids, totals } = await pages(user, path(query));
            expect(ids, path(query)).toEqual(expected.map((t) => t.id));
            expect(totals).toEqual([String(expected.length)]);
            if (expected.length > 1) checked.ordered += 1;
          }
        },
      ),
      { numRuns: 30 },
    );
    // Most lists hold several tasks: the order is really compared.
    expect(checked.ordered).toBeGreaterThan(checked.queries / 5);
  }, 120_000);
});
