import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { announceSignOut } from "@/lib/sign-out-broadcast";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("live");
const PAUSED = "Live updates paused — reconnecting…";

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
});

const userId = () => fake.session.userId;
const views = () => screen.getByRole("navigation", { name: "Views" });
const inboxLink = () => within(views()).getByRole("link", { name: /^Inbox/ });
const checkbox = (title: string) =>
  screen.queryAllByRole("checkbox", { name: `Complete "${title}"` });
const streamRequests = () =>
  fake.server.received.filter((r) => r.path === "/api/events" && r.userId === userId());

/** The screen, following its live stream, once the stream is open. */
async function renderLive(noticeAfterMs = 60_000) {
  const rendered = await renderTaskManager(fake.session, {
    serverRendered: true,
    live: { noticeAfterMs },
  });
  await waitFor(() => expect(fake.server.events.open(userId())).toBe(1));
  return rendered;
}

/** A task made elsewhere: in the API's store (as another device's add put it there). */
const addedElsewhere = (title: string, fields = {}) => {
  const [task] = fake.server.seed(userId(), [{ title, ...fields }]);
  if (!task) throw new Error("seed made no task");
  return task;
};

describe("changes made elsewhere", () => {
  it("a created task appears in the list, and Inbox counts it", async () => {
    addedElsewhere("Water plants");
    await renderLive();
    const task = addedElsewhere("Buy milk");

    fake.server.events.push(userId(), "task.created", task);

    expect(await screen.findByRole("checkbox", { name: 'Complete "Buy milk"' })).toBeVisible();
    expect(inboxLink()).toHaveAccessibleName("Inbox 2");
  });

  it("an edited task shows its new title in place", async () => {
    const task = addedElsewhere("Buy milk");
    await renderLive();

    const edited = fake.server.changeElsewhere(task.id, { title: "Buy oat milk" });
    fake.server.events.push(userId(), "task.updated", edited);

    expect(await screen.findByRole("checkbox", { name: 'Complete "Buy oat milk"' })).toBeVisible();
    expect(checkbox("Buy milk")).toHaveLength(0);
  });

  it("a task completed elsewhere leaves Inbox, and the counts follow", async () => {
    const task = addedElsewhere("Buy milk");
    await renderLive();

    const done = fake.server.changeElsewhere(task.id, { is_completed: true });
    fake.server.events.push(userId(), "task.updated", done);

    await waitFor(() => expect(inboxLink()).toHaveAccessibleName("Inbox 0"));
    expect(checkbox("Buy milk")).toHaveLength(0);
    expect(within(views()).getByRole("link", { name: /^Completed/ })).toHaveAccessibleName(
      "Completed 1",
    );
  });

  it("a deleted task leaves every list", async () => {
    const task = addedElsewhere("Buy milk");
    await renderLive();

    fake.server.events.push(userId(), "task.deleted", { id: task.id });

    await waitFor(() => expect(checkbox("Buy milk")).toHaveLength(0));
    expect(inboxLink()).toHaveAccessibleName("Inbox 0");
  });

  it("labels.changed replaces the sidebar's labels", async () => {
    await renderLive();

    fake.server.events.push(userId(), "labels.changed", [
      { name: "home", task_count: 2, open_count: 2 },
    ]);

    const labels = await within(views()).findByRole("list", { name: "Labels" });
    expect(within(labels).getByRole("link").textContent).toBe("# home 2");
  });
});

describe("this tab's own changes", () => {
  it("a task added here shows once when its own task.created arrives", async () => {
    const { queryClient } = await renderLive();

    await userEvent.type(screen.getByLabelText("Task title"), "Buy milk{Enter}");
    await screen.findByText('Added "Buy milk".');
    // Settled, and refetched: the event meets the server's version of the task in the list.
    await waitFor(() => expect(queryClient.isMutating() + queryClient.isFetching()).toBe(0));
    const [created] = fake.server.tasksOf(userId());
    fake.server.events.push(userId(), "task.created", created);
    // A later event shows that the one before it was applied.
    fake.server.events.push(userId(), "labels.changed", [
      { name: "marker", task_count: 1, open_count: 1 },
    ]);

    await within(views()).findByRole("list", { name: "Labels" });
    expect(checkbox("Buy milk")).toHaveLength(1);
    expect(inboxLink()).toHaveAccessibleName("Inbox 1");
  });
});

describe("the stream", () => {
  it("resync fetches the lists again", async () => {
    await renderLive();
    addedElsewhere("Missed while away");

    fake.server.events.end(userId(), "resync");

    expect(
      await screen.findByRole("checkbox", { name: 'Complete "Missed while away"' }),
    ).toBeVisible();
  });

  it("after a lost connection it reconnects with Last-Event-ID and gets what it missed", async () => {
    await renderLive();
    const seenId = fake.server.events.push(userId(), "task.created", addedElsewhere("Seen"));
    await screen.findByRole("checkbox", { name: 'Complete "Seen"' });

    fake.server.events.cut(userId());
    fake.server.events.push(userId(), "task.created", addedElsewhere("Missed"));

    expect(await screen.findByRole("checkbox", { name: 'Complete "Missed"' })).toBeVisible();
    expect(streamRequests().map((r) => r.headers["last-event-id"])).toEqual([undefined, seenId]);
  });

  it("when its token expires it reconnects with a fresh one", async () => {
    await renderLive();
    const issued = fake.server.tokensIssued();

    fake.server.events.end(userId(), "token-expired");

    await waitFor(() => expect(streamRequests()).toHaveLength(2));
    expect(fake.server.tokensIssued()).toBe(issued + 1);
  });

  it("closes when the user signs out in any tab, and stays closed", async () => {
    await renderLive();

    announceSignOut();

    await waitFor(() => expect(fake.server.events.open(userId())).toBe(0));
    expect(streamRequests()).toHaveLength(1);
  });
});

describe("the indicator", () => {
  it("says live updates are paused while the stream stays down, and goes once it is back", async () => {
    await renderLive(200);

    const bringBack = fake.server.goDown();
    fake.server.events.cut(userId());

    expect(await screen.findByText(PAUSED, {}, { timeout: 3_000 })).toBeVisible();
    expect(screen.getByText(PAUSED).closest("[role=status]")).not.toBeNull();
    bringBack();
    await waitFor(() => expect(screen.queryByText(PAUSED)).toBeNull(), { timeout: 5_000 });
  });

  it("never shows for a normal reconnect (the server shutting down)", async () => {
    await renderLive(1_000);
    let shown = false;
    const watch = new MutationObserver(() => {
      shown ||= document.body.textContent?.includes(PAUSED) ?? false;
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });

    fake.server.events.end(userId(), "shutdown");
    await waitFor(() => expect(streamRequests()).toHaveLength(2));
    await waitFor(() => expect(fake.server.events.open(userId())).toBe(1));
    watch.disconnect();

    expect(shown).toBe(false);
  });
});
