import { describe, expect, test } from "vitest";
import { setupTestApi, UNORGANIZED } from "../../../test/harness.ts";

const api = setupTestApi();

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("POST /api/tasks", () => {
  test("creates a task owned by the caller: 201, the task, a Location header", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: "Buy milk",
      description: "2 litres",
    });

    expect(response.status).toBe(201);
    const task = response.body as Record<string, unknown>;
    expect(Object.keys(task).sort()).toEqual([
      "created_at",
      "deleted_at",
      "description",
      "due_at",
      "due_date",
      "due_time",
      "id",
      "is_completed",
      "labels",
      "next_occurrence_id",
      "priority",
      "recurrence",
      "recurrence_from",
      "reminders",
      "series_id",
      "time_zone",
      "title",
      "updated_at",
      "user_id",
    ]);
    expect(task.id).toMatch(UUID);
    expect(task).toMatchObject({
      user_id: alice.id,
      title: "Buy milk",
      description: "2 litres",
      is_completed: false,
      ...UNORGANIZED,
      deleted_at: null,
    });
    expect(task.created_at).toMatch(ISO_UTC_MS);
    expect(task.updated_at).toBe(task.created_at);
    expect(response.headers.get("location")).toBe(`/api/tasks/${task.id}`);
    expect(await api.storedTask(String(task.id))).toEqual(task);
  });

  test("the answer is the stored task as JSON.stringify writes it, byte for byte", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: `Quotes " and \\ backslash, tab\t, emoji 🙂, 𝄞 and </script>`,
      description: "line one\nline two\r\n\u0001 control, \u2028 separator",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    const id = (response.body as { id: string }).id;
    expect(response.text).toBe(JSON.stringify(await api.storedTask(id)));
  });

  test("the Location header leads to the new task", async () => {
    const alice = await api.user("alice");
    const created = await alice.post("/api/tasks", { title: "Follow me" });
    const fetched = await alice.get(created.headers.get("location") ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
  });

  test("trims the title and defaults the description to null", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", { title: "  Call mum \n" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ title: "Call mum", description: null });
  });

  test("accepts an explicit null description", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", { title: "No notes", description: null });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ description: null });
  });

  test("accepts a 255-character title and a 10,000-character description, counted in characters", async () => {
    const alice = await api.user("alice");
    const title = "🙂".repeat(255); // 255 characters, 510 UTF-16 code units
    const description = "é".repeat(10_000);
    const response = await alice.post("/api/tasks", { title, description });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ title, description });
  });

  test("ignores a user_id in the body: the owner comes from the token", async () => {
    const alice = await api.user("alice");
    const bob = await api.user("bob");
    const response = await alice.post("/api/tasks", { title: "Mine", user_id: bob.id });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user_id: alice.id });
    expect((await bob.get("/api/tasks")).body).toEqual([]);
  });

  test("ignores server-managed fields in the body", async () => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/tasks", {
      title: "Fresh",
      id: "00000000-0000-4000-8000-000000000000",
      is_completed: true,
      created_at: "2000-01-01T00:00:00.000Z",
    });
    expect(response.status).toBe(201);
    const task = response.body as Record<string, unknown>;
    expect(task.id).not.toBe("00000000-0000-4000-8000-000000000000");
    expect(task.is_completed).toBe(false);
    expect(task.created_at).not.toBe("2000-01-01T00:00:00.000Z");
  });

  test("accepts a JSON content type with a charset", async () => {
    const alice = await api.user("alice");
    const response = await alice.fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ title: "Charset" }),
    });
    expect(response.status).toBe(201);
  });

  test("creates sent at once by several users (one statement) each land with their own owner", async () => {
    const users = await Promise.all(["alice", "bob", "carol"].map((name) => api.user(name)));
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const user = users[i % users.length];
        if (!user) throw new Error("no user");
        return user.post("/api/tasks", { title: `Task ${i}` });
      }),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    responses.forEach((response, i) => {
      expect(response.body).toMatchObject({ title: `Task ${i}`, user_id: users[i % 3]?.id });
    });
    for (const [u, user] of users.entries()) {
      const listed = await user.get("/api/tasks");
      const titles = (listed.body as { title: string }[]).map((task) => task.title).sort();
      expect(titles).toEqual([0, 1, 2, 3].map((k) => `Task ${k * 3 + u}`).sort());
    }
  });
});
