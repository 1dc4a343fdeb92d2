import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toast } from "sonner";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("recurring");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [
    {
      title: "Water the plants",
      due_date: "2027-03-06",
      time_zone: "UTC",
      recurrence: "FREQ=DAILY",
    },
  ]);
});

afterEach(() => {
  toast.dismiss();
});

const rows = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const stored = () =>
  fake.server
    .tasksOf(fake.session.userId)
    .map((t) => `${t.title} ${t.due_date} ${t.is_completed ? "done" : "open"}`)
    .sort();

describe("completing a recurring task", () => {
  it("shows its next occurrence at once, and Undo takes it away and reopens the one completed", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.click(screen.getByRole("checkbox", { name: 'Complete "Water the plants"' }));

    await waitFor(() => expect(stored()).toHaveLength(2));
    expect(await screen.findByText('"Water the plants" repeats, next on Sun 7 Mar.')).toBeVisible();
    await waitFor(() => expect(rows()).toEqual(["Water the plants"]));
    expect(stored()).toEqual([
      "Water the plants 2027-03-06 done",
      "Water the plants 2027-03-07 open",
    ]);

    await userEvent.click(screen.getByRole("button", { name: "Undo" }));

    await waitFor(() => expect(stored()).toEqual(["Water the plants 2027-03-06 open"]));
    await waitFor(() => expect(rows()).toEqual(["Water the plants"]));
  });
});
