import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";
import { SEARCH_DEBOUNCE_MS } from "./task-search-field";

const fake = setUpFakeTaskApi("search");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  fake.server.seed(fake.session.userId, [
    { title: "Buy groceries", description: "Milk and <b>bread</b>" },
    { title: "Call the grocer back", is_completed: true },
    { title: "Pay rent" },
    { title: '<img src=x onerror="alert(1)"> groceries list' },
  ]);
});

const searchBox = () => screen.getByRole("searchbox", { name: "Search tasks" });
const results = () => screen.getByRole("list", { name: "Search results" });
const resultTitles = () =>
  within(results())
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const searches = () =>
  fake.server.received
    .filter((r) => r.userId === fake.session.userId && r.query.has("q"))
    .map((r) => r.query.get("q"));
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const ANSWERED = { timeout: 5_000 };

describe("searching as you type", () => {
  it("asks the API once the typing pauses, not on every key", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.type(searchBox(), "grocries");
    await pause(SEARCH_DEBOUNCE_MS / 2);
    expect(searches()).toEqual([]);

    await waitFor(() => expect(searches()).toEqual(["grocries"]), ANSWERED);
    await waitFor(() =>
      expect(resultTitles()).toEqual([
        "Buy groceries",
        '<img src=x onerror="alert(1)"> groceries list',
      ]),
    );
    expect(window.location.pathname + window.location.search).toBe("/tasks?q=grocries");
    expect(document.title).toBe("Search: grocries · Taskline");
  });

  it("marks the matching words, typos included, as text (never as HTML)", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "grocries" });

    const marks = within(results())
      .getAllByRole("listitem")
      .flatMap((item) => [...item.querySelectorAll("mark")].map((mark) => mark.textContent));
    expect(marks).toEqual(["groceries", "groceries"]);
    expect(results().querySelector("img")).toBeNull();
    expect(results().querySelector("b")).toBeNull();
    expect(screen.getByText("Milk and <b>bread</b>")).toBeInTheDocument();
  });

  it("finds completed tasks too, shown as completed", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "grocer" });

    expect(screen.getByRole("checkbox", { name: 'Complete "Call the grocer back"' })).toBeChecked();
  });

  it("renders a search from the address on the server, without asking again", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "rent" });
    const before = fake.server.received.length;

    expect(searchBox()).toHaveValue("rent");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Search");
    expect(resultTitles()).toEqual(["Pay rent"]);
    await pause(50);
    expect(fake.server.received.length).toBe(before);
  });

  it("says so in words when nothing matches", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    await userEvent.type(searchBox(), "zebra{Enter}");

    expect(await screen.findByText('No tasks match "zebra"', {}, ANSWERED)).toBeInTheDocument();
  });

  it("no view is current in the sidebar while searching", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "rent" });

    const nav = screen.getByRole("navigation", { name: "Views" });
    expect(within(nav).getByRole("link", { name: /^Inbox/ })).not.toHaveAttribute("aria-current");
  });
});

describe("leaving a search", () => {
  it("Escape clears the box and returns to the view", async () => {
    window.history.replaceState(null, "", "/tasks?q=rent");
    await renderTaskManager(fake.session, { serverRendered: true, search: "rent" });
    await userEvent.click(searchBox());

    await userEvent.keyboard("{Escape}");

    expect(searchBox()).toHaveValue("");
    expect(searchBox()).toHaveFocus();
    expect(window.location.pathname + window.location.search).toBe("/tasks");
    expect(await screen.findByRole("list", { name: "Tasks" })).toBeInTheDocument();
  });

  it("Back returns to the view and Forward to the search, the box following", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.type(searchBox(), "rent{Enter}");
    await waitFor(() => expect(resultTitles()).toEqual(["Pay rent"]), ANSWERED);

    act(() => window.history.back());
    await waitFor(() => expect(window.location.search).toBe(""));
    await waitFor(() => expect(searchBox()).toHaveValue(""));
    expect(await screen.findByRole("list", { name: "Tasks" })).toBeInTheDocument();

    act(() => window.history.forward());
    await waitFor(() => expect(searchBox()).toHaveValue("rent"));
    expect(resultTitles()).toEqual(["Pay rent"]);
  });

  it("opening a view from the sidebar leaves the search", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, search: "rent" });

    const nav = screen.getByRole("navigation", { name: "Views" });
    await userEvent.click(within(nav).getByRole("link", { name: /^Inbox/ }));

    expect(searchBox()).toHaveValue("");
    expect(window.location.search).toBe("");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Inbox");
  });
});
