import { describe, expect, test } from "vitest";
import { type Client, createTask, setupTestApi, type TaskJson } from "../../../test/harness.ts";

const api = setupTestApi();

const recurring = (user: Client, extra: Record<string, unknown> = {}) =>
  createTask(user, { title: "r", due_date: "2027-03-01", recurrence: "FREQ=DAILY", ...extra });

const detailOf = (response: { body: unknown }) =>
  (response.body as { detail: { loc: string[]; type: string }[] }).detail[0];

describe("recurring tasks: refusals change nothing", () => {
  test("PATCH clearing the due date of a recurring task: 422 naming recurrence", async () => {
    const alice = await api.user("alice");
    const task = await recurring(alice);
    const response = await alice.patch(`/api/tasks/${task.id}`, { due_date: null });
    expect([response.status, detailOf(response)?.loc, await api.storedTask(task.id)]).toEqual([
      422,
      ["body", "recurrence"],
      task,
    ]);
  });

  test("PATCH moving a rule's due date past its UNTIL: 422 naming recurrence", async () => {
    const alice = await api.user("alice");
    const task = await recurring(alice, { recurrence: "FREQ=DAILY;UNTIL=20270310" });
    const response = await alice.patch(`/api/tasks/${task.id}`, { due_date: "2027-04-01" });
    expect([response.status, detailOf(response)?.loc, await api.storedTask(task.id)]).toEqual([
      422,
      ["body", "recurrence"],
      task,
    ]);
  });

  test("skip of a task that does not repeat, is completed, or whose series ended: 422", async () => {
    const alice = await api.user("alice");
    const plain = await createTask(alice, { title: "p", due_date: "2027-03-01" });
    const done = await recurring(alice, { recurrence: "FREQ=DAILY;COUNT=1" });
    await alice.patch(`/api/tasks/${done.id}`, { is_completed: true });
    const last = await recurring(alice, { recurrence: "FREQ=DAILY;COUNT=1" });
    const statuses = [];
    for (const task of [plain, done, last]) {
      const response = await alice.post(`/api/tasks/${task.id}/skip`);
      statuses.push([response.status, detailOf(response)?.loc]);
    }
    expect(statuses).toEqual([
      [422, ["path", "id"]],
      [422, ["path", "id"]],
      [422, ["path", "id"]],
    ]);
    expect(await api.storedTask(last.id)).toEqual(last);
  });

  test("skip of a task that does not exist: 404; a malformed id: 422", async () => {
    const alice = await api.user("alice");
    const missing = await alice.post("/api/tasks/0b9d6c3e-8f43-4a57-9d55-2f1c8e4a7b10/skip");
    const malformed = await alice.post("/api/tasks/not-a-uuid/skip");
    expect([missing.status, malformed.status]).toEqual([404, 422]);
  });

  test("recurring= anything but true or false: 422", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/tasks?recurring=yes");
    expect([response.status, detailOf(response)?.loc]).toEqual([422, ["query", "recurring"]]);
  });
});

describe("recurring tasks: another user's series never changes", () => {
  test("completing, skipping or patching someone else's recurring task: 403, no occurrence made", async () => {
    const alice = await api.user("alice");
    const mallory = await api.user("mallory");
    const task = await recurring(alice);
    const answers = [
      await mallory.patch(`/api/tasks/${task.id}/complete`),
      await mallory.patch(`/api/tasks/${task.id}`, { is_completed: true }),
      await mallory.post(`/api/tasks/${task.id}/skip`),
      await mallory.patch(`/api/tasks/${task.id}`, { recurrence: null }),
    ];
    const all = (await alice.get("/api/tasks")).body as TaskJson[];
    expect([answers.map((a) => a.status), all]).toEqual([[403, 403, 403, 403], [task]]);
  });

  test("the next occurrence belongs to the task's owner, not to anyone else", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const task = await recurring(alice);
    const done = (await alice.patch(`/api/tasks/${task.id}/complete`)).body as TaskJson;
    const theirs = await bob.get(`/api/tasks/${done.next_occurrence_id}`);
    const mine = await alice.get(`/api/tasks/${done.next_occurrence_id}`);
    expect([theirs.status, (mine.body as TaskJson).user_id]).toEqual([403, alice.id]);
  });
});
