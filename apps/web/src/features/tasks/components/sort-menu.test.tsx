import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { parseSortPreferences, SORT_COOKIE } from "../sort-preference";
import { renderTaskManager, setUpFakeTaskApi } from "../test/render-with-session";

const fake = setUpFakeTaskApi("sort");

beforeEach(() => {
  window.history.replaceState(null, "", "/tasks");
  // biome-ignore lint/suspicious/noDocumentCookie: each test starts without a remembered order
  document.cookie = `${SORT_COOKIE}=; path=/; max-age=0`;
  fake.server.seed(fake.session.userId, [
    { title: "banana", priority: "low" },
    { title: "Apple", priority: "high" },
    { title: "cherry", priority: "medium" },
  ]);
});

const sortMenu = () => screen.getByRole("combobox", { name: "Sort by" });
const titles = () =>
  within(screen.getByRole("list", { name: "Tasks" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
const views = () => screen.getByRole("navigation", { name: "Views" });
/** The orders the screen asked for lists in, after it was rendered. */
const sortsAsked = (since: number) =>
  fake.server.received
    .slice(since)
    .filter((r) => r.userId === fake.session.userId && r.query.get("limit") === "50")
    .map((r) => r.query.get("sort"));
const cookieValue = () =>
  document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${SORT_COOKIE}=`))
    ?.slice(SORT_COOKIE.length + 1);
const ANSWERED = { timeout: 5_000 };

describe("the sort menu", () => {
  it("offers date added, due date, priority and title, newest first by default", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });

    expect(sortMenu()).toHaveValue("created");
    expect(
      within(sortMenu())
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Date added", "Due date", "Priority", "Title"]);
    expect(titles()).toEqual(["banana", "Apple", "cherry"]);
  });

  it("puts the choice in the address, asks the API in that order and remembers it in a cookie", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    const start = fake.server.received.length;

    await userEvent.selectOptions(sortMenu(), "Priority");

    expect(window.location.pathname + window.location.search).toBe("/tasks?sort=priority");
    await waitFor(() => expect(titles()).toEqual(["Apple", "cherry", "banana"]), ANSWERED);
    expect(sortsAsked(start)).toEqual(["-priority"]);
    expect(parseSortPreferences(cookieValue())).toEqual({ inbox: "priority" });

    await userEvent.selectOptions(sortMenu(), "Title");
    await waitFor(() => expect(titles()).toEqual(["Apple", "banana", "cherry"]), ANSWERED);
    expect(window.location.search).toBe("?sort=title");
  });

  it("is remembered per view: back in the Inbox without ?sort, its last order applies", async () => {
    await renderTaskManager(fake.session, { serverRendered: true });
    await userEvent.selectOptions(sortMenu(), "Title");
    await waitFor(() => expect(titles()).toEqual(["Apple", "banana", "cherry"]), ANSWERED);

    await userEvent.click(within(views()).getByRole("link", { name: /^Completed/ }));
    expect(sortMenu()).toHaveValue("created");
    await userEvent.click(within(views()).getByRole("link", { name: /^Inbox/ }));

    expect(window.location.pathname + window.location.search).toBe("/tasks");
    expect(sortMenu()).toHaveValue("title");
    expect(titles()).toEqual(["Apple", "banana", "cherry"]);
  });

  it("renders the cookie's order for the view on the server, without asking again", async () => {
    await renderTaskManager(fake.session, {
      serverRendered: true,
      sortPreferences: parseSortPreferences(
        encodeURIComponent(JSON.stringify({ inbox: "priority" })),
      ),
    });
    const before = fake.server.received.length;

    expect(sortMenu()).toHaveValue("priority");
    expect(titles()).toEqual(["Apple", "cherry", "banana"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.server.received.length).toBe(before);
  });

  it("a ?sort= in the address wins over the remembered order", async () => {
    await renderTaskManager(fake.session, {
      serverRendered: true,
      sort: "title",
      sortPreferences: { inbox: "priority" },
    });

    expect(sortMenu()).toHaveValue("title");
    expect(titles()).toEqual(["Apple", "banana", "cherry"]);
  });

  it("a task whose priority changes moves to its place in a list by priority", async () => {
    await renderTaskManager(fake.session, { serverRendered: true, sort: "priority" });
    const banana = screen.getByRole("checkbox", { name: 'Complete "banana"' }).closest("li");
    banana?.focus();

    await userEvent.keyboard("1");

    expect(titles()).toEqual(["banana", "Apple", "cherry"]);
  });
});
