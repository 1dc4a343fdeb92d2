import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { Task } from "../task-api";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("conflicts");
let seeded: Task[];

beforeEach(() => {
  seeded = fake.server.seed(fake.session.userId, [
    { title: "Buy milk", description: "Semi-skimmed" },
    { title: "Call mum" },
  ]);
});

const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const mine = (method: string) =>
  fake.server.received.filter((r) => r.userId === fake.session.userId && r.method === method);
const stored = (id: string | undefined) =>
  fake.server.tasksOf(fake.session.userId).find((task) => task.id === id);
const count = (name: RegExp) =>
  within(screen.getByRole("navigation", { name: "Views" })).getByRole("link", { name });
const tagOf = (task: Task | undefined) => `"${task?.updated_at}"`;
// Answers come over real HTTP: leave room for a busy machine.
const ANSWERED = { timeout: 5_000 };

/** Open "Buy milk" in the editor (as loaded), then someone else changes it, then save. */
async function editAfterChangeElsewhere() {
  await renderTaskManager(fake.session, { serverRendered: true });
  await userEvent.click(screen.getByRole("button", { name: 'Edit "Buy milk"' }));
  // The editor's code loads on first use.
  await screen.findByRole("form", { name: 'Edit "Buy milk"' });
  const theirs = fake.server.changeElsewhere(seeded[0]?.id ?? "", {
    title: "Buy bread",
    description: "Wholemeal",
  });
  await userEvent.type(screen.getByRole("textbox", { name: "Title" }), " today{Enter}");
  return theirs;
}

describe("an edit to a task changed elsewhere", () => {
  it("shows both versions in the form and saves mine over theirs with Keep mine", async () => {
    const theirs = await editAfterChangeElsewhere();

    const alert = await screen.findByRole("alert", {}, ANSWERED);
    expect(alert).toHaveTextContent("This task was changed elsewhere while you were editing it.");
    expect(within(alert).getByText("Buy bread")).toBeInTheDocument();
    expect(within(alert).getByText("Wholemeal")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("Buy milk today");
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue("Semi-skimmed");
    expect(mine("PATCH").map((r) => [r.headers["if-match"], r.status])).toEqual([
      [tagOf(seeded[0]), 412],
    ]);
    expect(stored(seeded[0]?.id)?.title).toBe("Buy bread");

    await userEvent.click(screen.getByRole("button", { name: "Keep mine" }));

    expect(titles()).toEqual(["Buy milk today", "Call mum"]);
    await waitFor(() => expect(stored(seeded[0]?.id)?.title).toBe("Buy milk today"), ANSWERED);
    expect(mine("PATCH").map((r) => [r.headers["if-match"], r.body, r.status])).toEqual([
      // Only what differs from the version the form was saving over is sent.
      [tagOf(seeded[0]), { title: "Buy milk today" }, 412],
      [tagOf(theirs), { title: "Buy milk today", description: "Semi-skimmed" }, 200],
    ]);
    expect(stored(seeded[0]?.id)?.description).toBe("Semi-skimmed");
    expect(await screen.findByText('Saved "Buy milk today".', {}, ANSWERED)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: 'Edit "Buy milk today"' })).toHaveFocus();
  });

  it("drops mine and shows theirs with Use theirs, sending nothing more", async () => {
    await editAfterChangeElsewhere();
    await screen.findByRole("alert", {}, ANSWERED);

    await userEvent.click(screen.getByRole("button", { name: "Use theirs" }));

    expect(screen.queryByRole("textbox", { name: "Title" })).toBeNull();
    expect(titles()).toEqual(["Buy bread", "Call mum"]);
    expect(screen.getByText("Wholemeal")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: 'Edit "Buy bread"' })).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(mine("PATCH").map((r) => r.status)).toEqual([412]);
    expect(stored(seeded[0]?.id)).toMatchObject({ title: "Buy bread", description: "Wholemeal" });
  });

  it("takes Escape in the conflict as Use theirs", async () => {
    await editAfterChangeElsewhere();
    await screen.findByRole("alert", {}, ANSWERED);

    await userEvent.keyboard("{Escape}");

    expect(titles()).toEqual(["Buy bread", "Call mum"]);
    expect(mine("PATCH").map((r) => r.status)).toEqual([412]);
  });
});

describe("a tick or delete of a task changed elsewhere", () => {
  it("keeps their version, shows it, and says so instead of ticking", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    fake.server.changeElsewhere(seeded[1]?.id ?? "", { title: "Call dad" });

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Call mum"' }));

    expect(
      await screen.findByText(
        '"Call mum" was changed elsewhere, so it wasn\'t marked as completed. You now see its latest version.',
        {},
        ANSWERED,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: 'Complete "Call dad"' })).not.toBeChecked();
    expect(titles()).toEqual(["Buy milk", "Call dad"]);
    expect(mine("PATCH").map((r) => [r.headers["if-match"], r.status])).toEqual([
      [tagOf(seeded[1]), 412],
    ]);
    expect(stored(seeded[1]?.id)).toMatchObject({ title: "Call dad", is_completed: false });
    await waitFor(() => expect(count(/^Completed/)).toHaveAccessibleName("Completed 0"), ANSWERED);
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 2");
  });

  it("keeps a task changed elsewhere instead of deleting it, and says so", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, undoWindowMs: 100 });
    fake.server.changeElsewhere(seeded[0]?.id ?? "", { description: "Oat, 2 litres" });

    await userEvent.click(screen.getByRole("button", { name: 'Delete "Buy milk"' }));

    expect(
      await screen.findByText(
        '"Buy milk" was changed elsewhere, so it wasn\'t deleted. You now see its latest version.',
        {},
        ANSWERED,
      ),
    ).toBeInTheDocument();
    expect(titles()).toEqual(["Buy milk", "Call mum"]);
    expect(screen.getByText("Oat, 2 litres")).toBeInTheDocument();
    expect(mine("DELETE").map((r) => [r.headers["if-match"], r.status])).toEqual([
      [tagOf(seeded[0]), 412],
    ]);
    expect(stored(seeded[0]?.id)?.description).toBe("Oat, 2 litres");
    expect(count(/^Inbox/)).toHaveAccessibleName("Inbox 2");
  });

  it("deletes the version the user saw, with its tag", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, undoWindowMs: 100 });

    await userEvent.click(screen.getByRole("button", { name: 'Delete "Call mum"' }));

    await waitFor(() => expect(stored(seeded[1]?.id)).toBeUndefined(), ANSWERED);
    expect(mine("DELETE").map((r) => [r.headers["if-match"], r.status])).toEqual([
      [tagOf(seeded[1]), 204],
    ]);
    expect(titles()).toEqual(["Buy milk"]);
  });
});
