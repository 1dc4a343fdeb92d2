import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("labels");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks/labels/work");
  fake.server.seed(fake.session.userId, [
    { title: "Write report", labels: ["work", "urgent"] },
    { title: "Email Bo", labels: ["Work"] },
    { title: "Call mum", labels: ["family"] },
  ]);
});

const sidebarLabels = () =>
  within(screen.getByRole("list", { name: "Labels" }))
    .getAllByRole("link")
    .map((link) => link.textContent);
const labelRequests = () =>
  fake.server.received
    .filter((r) => r.userId === fake.session.userId && r.path.startsWith("/api/labels/"))
    .map((r) => [r.method, r.path, r.body ?? null]);
const stored = (title: string) =>
  fake.server.tasksOf(fake.session.userId).find((task) => task.title === title);
const ANSWERED = { timeout: 5_000 };

async function openWork() {
  await renderTaskManager(fake.session, {
    serverRendered: true,
    view: { kind: "label", name: "work" },
  });
}

describe("renaming a label", () => {
  it("renames it on every task; the address, heading, sidebar and rows follow", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Rename label" }));
    const name = screen.getByRole("textbox", { name: 'New name for the label "work"' });
    expect(name).toHaveFocus();
    await userEvent.clear(name);
    await userEvent.type(name, "job{Enter}");

    await waitFor(() => expect(window.location.pathname).toBe("/tasks/labels/job"), ANSWERED);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("# job");
    expect(sidebarLabels()).toEqual(["# family 1", "# job 2", "# urgent 1"]);
    expect(screen.getAllByRole("link", { name: "#job" })).toHaveLength(2);
    expect(screen.queryByRole("link", { name: "#work" })).toBeNull();
    expect(labelRequests()).toEqual([["PATCH", "/api/labels/work", { name: "job" }]]);
    expect(stored("Email Bo")?.labels).toEqual(["job"]);
    expect(screen.getByRole("button", { name: "Rename label" })).toHaveFocus();
    expect(await screen.findByText('Renamed the label "work" to "job".')).toBeInTheDocument();
  });

  it("a label name with spaces and a slash travels encoded, and its view opens", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Rename label" }));
    const name = screen.getByRole("textbox", { name: 'New name for the label "work"' });
    await userEvent.clear(name);
    await userEvent.type(name, "Q3 / plans{Enter}");

    await waitFor(
      () => expect(window.location.pathname).toBe("/tasks/labels/Q3%20%2F%20plans"),
      ANSWERED,
    );
    expect(stored("Write report")?.labels).toEqual(["Q3 / plans", "urgent"]);
  });

  it("says in words what is wrong with a name, and sends nothing", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Rename label" }));
    const name = screen.getByRole("textbox", { name: 'New name for the label "work"' });
    await userEvent.clear(name);
    await userEvent.type(name, "a,b{Enter}");

    expect(screen.getByRole("alert")).toHaveTextContent("A label can't contain a comma.");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(labelRequests()).toEqual([]);
  });

  it("shows the API's refusal in words", async () => {
    fake.server.refuseNext("PATCH", /^\/api\/labels\//, 404, "Label not found");
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Rename label" }));
    await userEvent.type(screen.getByRole("textbox", { name: /New name/ }), "s{Enter}");

    // The form's alert is there from the start (a live region), empty until something is wrong.
    await waitFor(
      () => expect(screen.getByRole("alert")).toHaveTextContent("Label not found."),
      ANSWERED,
    );
    expect(window.location.pathname).toBe("/tasks/labels/work");
  });

  it("Escape cancels the rename and focus returns to its button", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Rename label" }));
    await userEvent.keyboard("{Escape}");

    expect(screen.getByRole("button", { name: "Rename label" })).toHaveFocus();
    expect(labelRequests()).toEqual([]);
  });
});

describe("deleting a label", () => {
  it("asks first, then removes it from every task; the tasks stay and the Inbox opens", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Delete label" }));
    const dialog = screen.getByRole("alertdialog", { name: 'Delete the label "work"?' });
    expect(dialog).toHaveTextContent("The tasks themselves stay.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete label" }));

    await waitFor(() => expect(window.location.pathname).toBe("/tasks"), ANSWERED);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(labelRequests()).toEqual([["DELETE", "/api/labels/work", null]]);
    expect(sidebarLabels()).toEqual(["# family 1", "# urgent 1"]);
    expect(await screen.findByText("Email Bo", {}, ANSWERED)).toBeInTheDocument();
    expect(stored("Write report")?.labels).toEqual(["urgent"]);
    expect(screen.getByLabelText("Task title")).toHaveFocus();
  });

  it("Cancel keeps the label and sends nothing", async () => {
    await openWork();

    await userEvent.click(screen.getByRole("button", { name: "Delete label" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Delete label" })).toHaveFocus();
    expect(labelRequests()).toEqual([]);
  });
});
