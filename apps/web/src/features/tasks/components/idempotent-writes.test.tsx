import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ReceivedRequest } from "../test/fake-task-api";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("idempotent");

const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const mine = (method: string, path: RegExp) =>
  fake.server.received.filter(
    (r) => r.userId === fake.session.userId && r.method === method && path.test(r.path),
  );
const posts = () => mine("POST", /^\/api\/tasks$/);
const toggles = () => mine("PATCH", /\/complete$/);
const keys = (requests: ReceivedRequest[]) => requests.map((r) => r.headers["idempotency-key"]);
const statuses = (requests: ReceivedRequest[]) => requests.map((r) => [r.status, r.replayed]);
// Retries wait for real (backoff, Retry-After): leave room for a busy machine.
const RETRIED = { timeout: 5_000 };
const SLOW_TEST = { timeout: 15_000 };
const QUOTED_UUID = /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/;

describe("adding a task: one Idempotency-Key per add, kept by its retries", () => {
  it("shows one task when the connection drops after the API made it", SLOW_TEST, async () => {
    fake.server.dropNext("POST", /^\/api\/tasks$/);
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.type(screen.getByLabelText("Task title"), "Buy milk{Enter}");

    expect(await screen.findByText('Added "Buy milk".', {}, RETRIED)).toBeInTheDocument();
    expect(statuses(posts())).toEqual([
      ["dropped", false],
      [201, true],
    ]);
    const [first, retry] = keys(posts());
    expect(first).toMatch(QUOTED_UUID);
    expect(retry).toBe(first);
    expect(fake.server.tasksOf(fake.session.userId).map((task) => task.title)).toEqual([
      "Buy milk",
    ]);
    expect(titles()).toEqual(["Buy milk"]);
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: 'Complete "Buy milk"' })).toBeEnabled(),
    );
    expect(screen.getByRole("link", { name: /^Inbox/ })).toHaveAccessibleName("Inbox 1");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it(
    "tries again after a 503 once the Retry-After has passed, with the same key",
    SLOW_TEST,
    async () => {
      fake.server.refuseNext("POST", /^\/api\/tasks$/, 503, "Database unavailable");
      await renderTaskManager(fake.session, { serverRendered: true });

      await userEvent.type(screen.getByLabelText("Task title"), "Pay rent{Enter}");

      expect(await screen.findByText('Added "Pay rent".', {}, RETRIED)).toBeVisible();
      const [refused, retry] = posts();
      expect(statuses(posts())).toEqual([
        [503, false],
        [201, false],
      ]);
      expect(retry?.headers["idempotency-key"]).toBe(refused?.headers["idempotency-key"]);
      expect((retry?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
      expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(1);
      expect(titles()).toEqual(["Pay rent"]);
    },
  );

  it(
    "waits out the API's 409 while the first try is still being handled, then shows the one task",
    SLOW_TEST,
    async () => {
      // Still in flight when the retry comes (300 ms on), done before the next (1 s after that).
      fake.server.dropNext("POST", /^\/api\/tasks$/, 1_000);
      await renderTaskManager(fake.session, { serverRendered: true });

      await userEvent.type(screen.getByLabelText("Task title"), "Water plants{Enter}");

      expect(await screen.findByText('Added "Water plants".', {}, RETRIED)).toBeVisible();
      expect(statuses(posts())).toEqual([
        ["dropped", false],
        [409, false],
        [201, true],
      ]);
      expect(new Set(keys(posts())).size).toBe(1);
      expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(1);
      expect(titles()).toEqual(["Water plants"]);
    },
  );

  it(
    "gives up after two retries, says why, and adding the same text again reuses the key",
    SLOW_TEST,
    async () => {
      const now = { "Retry-After": "0" };
      for (let i = 0; i < 3; i += 1) {
        fake.server.refuseNext("POST", /^\/api\/tasks$/, 503, "Database unavailable", now);
      }
      await renderTaskManager(fake.session, { serverRendered: true });

      await userEvent.type(screen.getByLabelText("Task title"), "Call mum{Enter}");

      expect(await screen.findByRole("alert", {}, RETRIED)).toHaveTextContent(
        'Couldn\'t add "Call mum": Database unavailable.',
      );
      expect(statuses(posts())).toEqual([
        [503, false],
        [503, false],
        [503, false],
      ]);
      expect(screen.getByLabelText("Task title")).toHaveValue("Call mum");
      expect(screen.queryByRole("list", { name: "Tasks" })).toBeNull();

      await userEvent.type(screen.getByLabelText("Task title"), "{Enter}");

      expect(await screen.findByText('Added "Call mum".', {}, RETRIED)).toBeInTheDocument();
      expect(new Set(keys(posts())).size).toBe(1);
      expect(posts()).toHaveLength(4);
      expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(1);
    },
  );
});

describe("ticking a task: one Idempotency-Key per tick, kept by its retries", () => {
  it(
    "applies a tick once when its answer is lost, and the retry gets the kept answer",
    SLOW_TEST,
    async () => {
      const [task] = fake.server.seed(fake.session.userId, [{ title: "Buy milk" }]);
      fake.server.dropNext("PATCH", /\/complete$/);
      await renderTaskManager(fake.session, { serverRendered: true });

      await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Buy milk"' }));

      expect(await screen.findByText('Completed "Buy milk".', {}, RETRIED)).toBeInTheDocument();
      expect(statuses(toggles())).toEqual([
        ["dropped", false],
        [200, true],
      ]);
      const [first, retry] = toggles();
      expect(first?.headers["idempotency-key"]).toMatch(QUOTED_UUID);
      expect(retry?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
      expect(toggles().map((r) => r.headers["if-match"])).toEqual([
        `"${task?.updated_at}"`,
        `"${task?.updated_at}"`,
      ]);
      expect(fake.server.tasksOf(fake.session.userId)[0]?.is_completed).toBe(true);
      expect(screen.queryByRole("checkbox", { name: 'Complete "Buy milk"' })).toBeNull();
      await waitFor(() =>
        expect(screen.getByRole("link", { name: /^Completed/ })).toHaveAccessibleName(
          "Completed 1",
        ),
      );
      expect(screen.queryByRole("alert")).toBeNull();
    },
  );

  it(
    "retries a tick refused with 429 and then 503, with the same key each time",
    SLOW_TEST,
    async () => {
      fake.server.seed(fake.session.userId, [{ title: "Pay rent" }]);
      const now = { "Retry-After": "0" };
      fake.server.refuseNext("PATCH", /\/complete$/, 429, "Too many requests", now);
      fake.server.refuseNext("PATCH", /\/complete$/, 503, "Database unavailable", now);
      await renderTaskManager(fake.session, { serverRendered: true });

      await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Pay rent"' }));

      expect(await screen.findByText('Completed "Pay rent".', {}, RETRIED)).toBeInTheDocument();
      expect(statuses(toggles())).toEqual([
        [429, false],
        [503, false],
        [200, false],
      ]);
      expect(new Set(keys(toggles())).size).toBe(1);
      expect(fake.server.tasksOf(fake.session.userId)[0]?.is_completed).toBe(true);
    },
  );

  it(
    "sends two quick ticks as two actions, the second as a change to the first's answer",
    SLOW_TEST,
    async () => {
      const [task] = fake.server.seed(fake.session.userId, [{ title: "Call mum" }]);
      await renderTaskManager(fake.session, { serverRendered: true });
      // Both views loaded once, so the second tick is made in Completed while the first is held.
      await userEvent.click(screen.getByRole("link", { name: /^Completed/ }));
      expect(await screen.findByText("Nothing completed yet")).toBeInTheDocument();
      await userEvent.click(screen.getByRole("link", { name: /^Inbox/ }));
      const release = fake.server.hold();

      await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Call mum"' }));
      await userEvent.click(screen.getByRole("link", { name: /^Completed/ }));
      await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Call mum"' }));
      release();

      expect(
        await screen.findByText('Marked "Call mum" as pending.', {}, RETRIED),
      ).toBeInTheDocument();
      const [complete, undo] = toggles();
      expect(statuses(toggles())).toEqual([
        [200, false],
        [200, false],
      ]);
      expect(undo?.headers["idempotency-key"]).not.toBe(complete?.headers["idempotency-key"]);
      expect(complete?.headers["if-match"]).toBe(`"${task?.updated_at}"`);
      expect(undo?.headers["if-match"]).toBe(complete?.etag);
      expect(undo?.headers["if-match"]).not.toBe(complete?.headers["if-match"]);
      expect(toggles().map((r) => r.body)).toEqual([
        { is_completed: true },
        { is_completed: false },
      ]);
      expect(fake.server.tasksOf(fake.session.userId)[0]?.is_completed).toBe(false);
      await userEvent.click(screen.getByRole("link", { name: /^Inbox/ }));
      expect(screen.getByRole("checkbox", { name: 'Complete "Call mum"' })).not.toBeChecked();
      expect(screen.queryByRole("alert")).toBeNull();
    },
  );
});
