import type { BrowserContext, Page } from "@playwright/test";
import { apiUrl, callApi, expect, test } from "./fixtures";

/** Search with a typo, a label renamed everywhere, and the task flow with the keyboard alone. */

test.use({ timezoneId: "Europe/Berlin" });

type TaskJson = {
  id: string;
  title: string;
  priority: string;
  due_date: string | null;
  is_completed: boolean;
  labels: string[];
};

async function createTasks(context: BrowserContext, tasks: object[]) {
  for (const task of tasks) {
    expect((await callApi(context, "POST", "/api/tasks", task)).status()).toBe(201);
  }
}

async function storedTask(context: BrowserContext, title: string): Promise<TaskJson | undefined> {
  const tasks = (await (
    await callApi(context, "GET", "/api/tasks?limit=200")
  ).json()) as TaskJson[];
  return tasks.find((task) => task.title === title);
}

const viewLink = (page: Page, name: RegExp) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name });
const row = (page: Page, title: string) =>
  page
    .getByRole("listitem")
    .filter({ has: page.getByRole("checkbox", { name: `Complete "${title}"` }) });
/**
 * The title of the task whose row holds focus. Read it with `expect.poll`: a dialog hands focus
 * back a tick after it has left the page.
 */
const focusedTitle = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest("li")?.querySelector("p")?.textContent ?? null,
  );
/**
 * Press `key` until `check` passes: the shortcuts listen once the page has hydrated, which may be
 * a moment after its server-rendered HTML shows.
 */
async function pressOnceListening(page: Page, key: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.keyboard.press(key);
    await check();
  }).toPass({ timeout: 10_000 });
}

const berlinToday = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });

test("search finds a task despite a typo, marks the words, and lives in the address", async ({
  page,
  context,
  account: _signedIn,
}) => {
  await createTasks(context, [{ title: "Buy groceries" }, { title: "Pay rent" }]);
  await page.goto("/tasks");
  await expect(row(page, "Pay rent")).toBeVisible();

  const searched = page.waitForResponse(
    (response) =>
      response.url().startsWith(`${apiUrl}/api/tasks?`) && response.url().includes("q=grocries"),
  );
  await pressOnceListening(page, "/", () =>
    expect(page.getByRole("searchbox", { name: "Search tasks" })).toBeFocused({ timeout: 500 }),
  );
  await page.keyboard.type("grocries");
  expect((await searched).status()).toBe(200);

  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText(["groceries"]);
  await expect(page).toHaveURL(/\/tasks\?q=grocries$/);

  // The address alone brings it back, rendered by the server.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search tasks" })).toHaveValue("grocries");
  await expect(results.locator("mark")).toHaveText(["groceries"]);

  await page.getByRole("searchbox", { name: "Search tasks" }).press("Escape");
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(row(page, "Pay rent")).toBeVisible();
});

test("a renamed label shows everywhere: sidebar, row chips and address", async ({
  page,
  context,
  account: _signedIn,
}) => {
  await createTasks(context, [
    { title: "Write report", labels: ["work"] },
    { title: "Email Bo", labels: ["work", "urgent"] },
  ]);
  await page.goto("/tasks/labels/work");
  await expect(row(page, "Email Bo")).toBeVisible();

  await page.getByRole("button", { name: "Rename label" }).click();
  await page.getByRole("textbox", { name: 'New name for the label "work"' }).fill("job");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/tasks\/labels\/job$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("# job");
  await expect(viewLink(page, /job/)).toHaveAccessibleName("job 2");
  await expect(viewLink(page, /work/)).toHaveCount(0);
  await expect(row(page, "Write report").getByRole("link", { name: "#job" })).toBeVisible();

  await page.reload();
  await expect(row(page, "Email Bo").getByRole("link", { name: "#job" })).toBeVisible();
  expect((await storedTask(context, "Email Bo"))?.labels).toEqual(["job", "urgent"]);
});

test("the whole flow with the keyboard: quick add, move, priority, due today, complete, the ? dialog", async ({
  page,
  context,
  account: _signedIn,
}) => {
  await createTasks(context, [{ title: "Alpha" }, { title: "Beta" }]);
  await page.goto("/tasks");
  await expect(row(page, "Beta")).toBeVisible();

  // q: quick add a task.
  await pressOnceListening(page, "q", () =>
    expect(page.getByLabel("Task title")).toBeFocused({ timeout: 500 }),
  );
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && response.url() === `${apiUrl}/api/tasks`,
  );
  await page.keyboard.type("Water plants");
  await page.keyboard.press("Enter");
  expect((await created).status()).toBe(201);
  await expect(row(page, "Water plants")).toBeVisible();

  // Escape leaves the line for the list; j and k move through the tasks.
  await page.keyboard.press("Escape");
  await expect.poll(() => focusedTitle(page)).toBe("Water plants");
  await page.keyboard.press("j");
  await expect.poll(() => focusedTitle(page)).toBe("Beta");
  await page.keyboard.press("k");
  await expect.poll(() => focusedTitle(page)).toBe("Water plants");

  // 1: high priority; t: due today.
  await page.keyboard.press("1");
  await expect(row(page, "Water plants")).toContainText("High priority");
  await page.keyboard.press("t");
  await expect(row(page, "Water plants")).toContainText("Today");
  await expect
    .poll(async () => {
      const task = await storedTask(context, "Water plants");
      return [task?.priority, task?.due_date];
    })
    .toEqual(["high", berlinToday()]);
  await expect(viewLink(page, /^Today/)).toHaveAccessibleName("Today 1");

  // x: complete; the row leaves the Inbox and focus moves on to the next task.
  await page.keyboard.press("x");
  await expect(row(page, "Water plants")).toHaveCount(0);
  await expect.poll(() => focusedTitle(page)).toBe("Beta");
  await expect
    .poll(async () => (await storedTask(context, "Water plants"))?.is_completed)
    .toBe(true);

  // ?: the shortcuts, in a dialog that keeps focus until Escape.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Complete (or reopen)");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => focusedTitle(page)).toBe("Beta");

  // g then t: Today, where the completed task no longer is.
  await page.keyboard.press("g");
  await page.keyboard.press("t");
  await expect(page).toHaveURL(/\/tasks\/today$/);
  await expect(page.getByText("Nothing due today")).toBeVisible();
});
