import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithSession, setUpFakeTaskApi } from "../test/render-with-session";
import { AddTaskForm } from "./add-task-form";

const fake = setUpFakeTaskApi("form");

const posts = () =>
  fake.server.received.filter((r) => r.method === "POST" && r.userId === fake.session.userId);

describe("AddTaskForm", () => {
  it("adds a task when Enter is pressed in the title, then clears and keeps focus there", async () => {
    renderWithSession(<AddTaskForm />, fake.session);
    const title = screen.getByLabelText("Task title");

    await userEvent.type(title, "  Buy milk  {Enter}");

    await waitFor(() => expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(1));
    expect(posts().map((r) => r.body)).toEqual([{ title: "Buy milk", description: null }]);
    expect(fake.server.tasksOf(fake.session.userId)[0]).toMatchObject({
      title: "Buy milk",
      description: null,
    });
    expect(title).toHaveValue("");
    expect(title).toHaveFocus();
    expect(await screen.findByRole("status")).toHaveTextContent('Added "Buy milk".');
  });

  it("sends the optional description; Shift+Enter makes a new line and Enter adds", async () => {
    renderWithSession(<AddTaskForm />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Plan trip");
    await userEvent.type(
      screen.getByLabelText("Description (optional)"),
      "Book train{Shift>}{Enter}{/Shift}Pack bags{Enter}",
    );

    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({ title: "Plan trip", description: "Book train\nPack bags" });
    expect(screen.getByLabelText("Description (optional)")).toHaveValue("");
  });

  it("adds with the Add task button", async () => {
    renderWithSession(<AddTaskForm />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Call mum");
    await userEvent.click(screen.getByRole("button", { name: "Add task" }));

    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({ title: "Call mum", description: null });
  });

  it("asks for a title instead of sending an empty or blank one", async () => {
    renderWithSession(<AddTaskForm />, fake.session);
    const title = screen.getByLabelText("Task title");

    await userEvent.type(title, "   {Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter a title for the task.");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveFocus();
    await userEvent.type(title, "x");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(posts()).toHaveLength(0);
  });

  it("says when the title is longer than 255 characters and does not send it", async () => {
    renderWithSession(<AddTaskForm />, fake.session);
    const title = screen.getByLabelText("Task title");

    await userEvent.click(title);
    await userEvent.paste("a".repeat(255));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("255 / 255 characters")).toBeInTheDocument();

    await userEvent.type(title, "b{Enter}");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Keep the title to 255 characters or fewer.",
    );
    expect(screen.getByText("256 / 255 characters")).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
  });

  it("counts an emoji as one character, as the API does", async () => {
    renderWithSession(<AddTaskForm />, fake.session);

    await userEvent.click(screen.getByLabelText("Task title"));
    await userEvent.paste("🎉".repeat(255));
    await userEvent.keyboard("{Enter}");

    await waitFor(() => expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(1));
    expect(fake.server.tasksOf(fake.session.userId)[0]?.title).toBe("🎉".repeat(255));
  });

  it("says when the description is longer than 10,000 characters and does not send it", async () => {
    renderWithSession(<AddTaskForm />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Essay");
    await userEvent.click(screen.getByLabelText("Description (optional)"));
    await userEvent.paste("d".repeat(10_001));

    expect(screen.getByRole("alert")).toHaveTextContent(
      "Keep the description to 10,000 characters or fewer.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Add task" }));
    expect(screen.getByLabelText("Description (optional)")).toHaveFocus();
    expect(posts()).toHaveLength(0);
  });

  it("shows the API's refusal in words and puts the text back into the form", async () => {
    fake.server.refuseNext("POST", /^\/api\/tasks$/, 422, [
      {
        loc: ["body", "title"],
        msg: "String should not contain NUL characters",
        type: "string_unicode",
      },
    ]);
    renderWithSession(<AddTaskForm />, fake.session);

    await userEvent.type(screen.getByLabelText("Task title"), "Weird{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      'Couldn\'t add "Weird": title: String should not contain NUL characters',
    );
    expect(screen.getByLabelText("Task title")).toHaveValue("Weird");
    expect(fake.server.tasksOf(fake.session.userId)).toHaveLength(0);
  });
});
