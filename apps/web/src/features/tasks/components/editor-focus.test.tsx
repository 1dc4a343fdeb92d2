import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "@/lib/quick-add/wall-clock";
import { todayIn } from "../task-views";
import { renderTaskManager, setUpFakeTaskApi, testTimeZone } from "../test/render-with-session";

const fake = setUpFakeTaskApi("editor-focus");
const day = (offset: number) => formatDate(addDays(todayIn(testTimeZone()), offset));

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks/today");
  fake.server.seed(fake.session.userId, [
    { title: "Water plants", due_date: day(0) },
    { title: "Pay rent", due_date: day(0), labels: ["home", "bills"] },
  ]);
});

const rowOf = (title: string) =>
  screen.getByRole("checkbox", { name: `Complete "${title}"` }).closest("li") as HTMLElement;
const editor = (title: string) => screen.queryByRole("form", { name: `Edit "${title}"` });

async function edit(title: string) {
  await userEvent.click(screen.getByRole("button", { name: `Edit "${title}"` }));
  await screen.findByRole("form", { name: `Edit "${title}"` });
}

describe("focus in the editor", () => {
  it("a save that moves the task out of the view hands focus to the next task", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });
    await edit("Pay rent");

    const date = screen.getByLabelText("Due date");
    await userEvent.clear(date);
    await userEvent.type(date, day(3));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(screen.queryByText("Pay rent")).toBeNull());
    expect(rowOf("Water plants")).toContainElement(document.activeElement as HTMLElement);
  });

  it("Clear date keeps focus in the form, so Escape still closes it", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });
    await edit("Pay rent");

    screen.getByRole("button", { name: "Clear date" }).focus();
    await userEvent.keyboard("{Enter}");

    expect(screen.getByLabelText("Due date")).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(editor("Pay rent")).toBeNull();
  });

  it("removing a label keeps focus in the picker, so Escape still closes the form", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, view: { kind: "today" } });
    await edit("Pay rent");

    screen.getByRole("button", { name: 'Remove the label "home"' }).focus();
    await userEvent.keyboard("{Enter}");

    expect(screen.queryByRole("button", { name: 'Remove the label "home"' })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Labels" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(editor("Pay rent")).toBeNull();
  });
});
