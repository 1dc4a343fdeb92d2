import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

type Export = { version: number; exported_at: string; tasks: TaskJson[]; labels: unknown[] };

describe("GET /api/export?format=json", () => {
  test("every task with every field (completed ones too), the labels, versioned, as an attachment", async () => {
    const alice = await api.user("alice");
    const first = await createTask(alice, {
      title: "Plan the trip",
      description: "Tickets, hotel",
      priority: "high",
      due_date: "2027-03-01",
      due_time: "09:30",
      time_zone: "Europe/Berlin",
      labels: ["Travel", "home"],
    });
    const second = await createTask(alice, { title: "Done already" });
    await alice.patch(`/api/tasks/${second.id}/complete`);
    await createTask(await api.user("bob"), { title: "Bob's" });
    const before = Date.now();
    const response = await alice.get("/api/export?format=json");
    const body = response.body as Export;
    const stored = await Promise.all(
      [second, first].map(async (t) => (await alice.get(`/api/tasks/${t.id}`)).body),
    );
    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
      version: body.version,
      tasks: body.tasks,
      labels: body.labels,
      keys: Object.keys(body),
    }).toEqual({
      status: 200,
      type: "application/json; charset=utf-8",
      disposition: `attachment; filename="taskline-export-${new Date().toISOString().slice(0, 10)}.json"`,
      version: 1,
      tasks: stored,
      labels: [
        { name: "home", task_count: 1, open_count: 1 },
        { name: "Travel", task_count: 1, open_count: 1 },
      ],
      keys: ["version", "exported_at", "tasks", "labels"],
    });
    expect(Date.parse(body.exported_at)).toBeGreaterThanOrEqual(before - 1);
  });

  test("the tasks in the trash come after the live ones, with their deleted_at", async () => {
    const alice = await api.user("alice");
    const kept = await createTask(alice, { title: "Kept" });
    const binned = await createTask(alice, { title: "Binned", recurrence: null });
    await alice.delete(`/api/tasks/${binned.id}`);
    const trash = (await alice.get("/api/tasks?trashed=true")).body as TaskJson[];
    const body = (await alice.get("/api/export?format=json")).body as Export;
    expect(body.tasks).toEqual([{ ...kept, deleted_at: null }, trash[0]]);
    expect(trash[0]?.deleted_at).toEqual(expect.any(String));
  });

  test("without format: JSON; a user with nothing: empty lists", async () => {
    const response = await (await api.user("empty")).get("/api/export");
    const body = response.body as Export;
    expect([response.status, body.tasks, body.labels]).toEqual([200, [], []]);
  });
});

describe("GET /api/export?format=csv", () => {
  test("a header row and one RFC 4180 row per task, UTF-8 with a BOM, formulas defused", async () => {
    const alice = await api.user("alice");
    const task = await createTask(alice, {
      title: '=HYPERLINK("http://x","click")',
      description: 'Line one, with a comma\nand "quotes"',
      labels: ["@home", "work"],
      priority: "low",
    });
    const response = await fetch(`${api.app.url}/api/export?format=csv`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    // Decoded keeping the byte order mark, which text() would drop.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const header =
      "id,title,description,is_completed,priority,due_date,due_time,time_zone,due_at,labels,recurrence,recurrence_from,series_id,next_occurrence_id,created_at,updated_at,deleted_at,user_id\r\n";
    const row =
      `${task.id},"'=HYPERLINK(""http://x"",""click"")","Line one, with a comma\nand ""quotes""",` +
      `false,low,,,,,"'@home, work",,due,,,${task.created_at},${task.updated_at},,${alice.id}\r\n`;
    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
      text,
    }).toEqual({
      status: 200,
      type: "text/csv; charset=utf-8; header=present",
      disposition: `attachment; filename="taskline-export-${new Date().toISOString().slice(0, 10)}.csv"`,
      text: `\uFEFF${header}${row}`,
    });
  });
});

describe("a large export", () => {
  test("5,000 tasks arrive in several chunks, each task once", async () => {
    const alice = await api.user("alice");
    await api.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = 0`);
      await tx.execute(
        sql`insert into tasks (user_id, title, created_at, updated_at)
          select ${alice.id}, 'seeded ' || i, now() - (i % 7) * interval '1 second', now()
          from generate_series(1, 5000) as i`,
      );
    });
    const response = await fetch(`${api.app.url}/api/export?format=json`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    const reader = response.body?.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const read = await reader?.read();
      if (!read || read.done) break;
      chunks += 1;
      text += decoder.decode(read.value, { stream: true });
    }
    const ids = (JSON.parse(text) as Export).tasks.map((t) => t.id);
    expect(chunks).toBeGreaterThan(5);
    expect([ids.length, new Set(ids).size]).toEqual([5000, 5000]);
  });
});
