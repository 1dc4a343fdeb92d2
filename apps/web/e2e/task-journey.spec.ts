import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import {
  type Account,
  apiAnswer,
  callApi,
  expect,
  newAccount,
  signUpOverHttp,
  test,
} from "./fixtures";

/**
 * The README's picture of the product: <repo>/docs/screenshot-tasks.png. Taken on every run;
 * written when missing or with UPDATE_SCREENSHOT=1 (pixels differ run to run by a hair, and a
 * test run should not leave the work tree changed).
 */
const screenshotPath = fileURLToPath(
  new URL("../../../docs/screenshot-tasks.png", import.meta.url),
);
/** The Upcoming view of the same tasks, for the README too. */
const upcomingScreenshotPath = fileURLToPath(
  new URL("../../../docs/screenshot-upcoming.png", import.meta.url),
);

/** The scenario, through the UI as a person would do it, with the API checked directly. */

const checkbox = (page: Page, title: string) =>
  page.getByRole("checkbox", { name: `Complete "${title}"` });
const taskItems = (page: Page) => page.getByRole("list", { name: "Tasks" }).getByRole("listitem");

async function signUpThroughForm(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
}

async function signInThroughForm(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
}

/** Adds a task through the form; resolves with the id the API gave it. */
async function addTask(page: Page, title: string, description?: string): Promise<string> {
  const created = apiAnswer(page, "POST", /^\/api\/tasks$/);
  await page.getByLabel("Task title").fill(title);
  if (description) await page.getByLabel("Description (optional)").fill(description);
  await page.getByLabel("Task title").press("Enter");
  const response = await created;
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** What a user sees: each task's title, completed or not, in list order. */
async function expectTasks(page: Page, expected: { title: string; done: boolean }[]) {
  await expect(taskItems(page)).toHaveCount(expected.length);
  for (const task of expected) {
    const box = checkbox(page, task.title);
    await (task.done ? expect(box).toBeChecked() : expect(box).not.toBeChecked());
  }
}

const viewLink = (page: Page, name: RegExp) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name });

/** The sidebar's counts: open tasks (Inbox) and completed ones. */
async function expectCounts(page: Page, inbox: number, completed: number) {
  await expect(viewLink(page, /^Inbox/)).toHaveAccessibleName(`Inbox ${inbox}`);
  await expect(viewLink(page, /^Completed/)).toHaveAccessibleName(`Completed ${completed}`);
}

test("sign up, manage tasks, sign out; another user sees and reaches none of them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ada = newAccount("ada");
  const bob = newAccount("bob");

  // Ada signs up and starts with an empty list.
  await signUpThroughForm(page, ada);
  await expect(page.getByText("No tasks yet")).toBeVisible();

  // She adds three tasks.
  await addTask(page, "Buy oat milk");
  await addTask(page, "Draft the quarterly report", "Numbers from finance first");
  const plumberId = await addTask(page, "Call the plumber");
  await expectCounts(page, 3, 0);

  // Completes one.
  const completed = apiAnswer(page, "PATCH", /^\/api\/tasks\/[^/]+\/complete$/);
  await checkbox(page, "Buy oat milk").click();
  expect((await completed).status()).toBe(200);
  await expectCounts(page, 2, 1);
  await expect(checkbox(page, "Buy oat milk")).toHaveCount(0);

  // Edits one in place.
  await page.getByRole("button", { name: 'Edit "Draft the quarterly report"' }).click();
  const editor = page.getByRole("form", { name: 'Edit "Draft the quarterly report"' });
  await editor.getByLabel("Title", { exact: true }).fill("Send the quarterly report");
  await editor.getByLabel("Description", { exact: true }).fill("Finance signed off on Friday");
  const edited = apiAnswer(page, "PATCH", /^\/api\/tasks\/[^/]+$/);
  await editor.getByRole("button", { name: "Save" }).click();
  expect((await edited).status()).toBe(200);
  await expect(page.getByText("Finance signed off on Friday")).toBeVisible();

  // Deletes one, changes her mind (Undo), then deletes it for good.
  await page.getByRole("button", { name: 'Delete "Call the plumber"' }).click();
  await expect(checkbox(page, "Call the plumber")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(checkbox(page, "Call the plumber")).toBeVisible();
  await page.getByRole("button", { name: 'Delete "Call the plumber"' }).click();
  // The DELETE goes out at once, into the trash: to the API the task is gone (the Trash view holds
  // it, e2e/trash-and-recovery.spec.ts).
  await expect
    .poll(async () => (await callApi(page.context(), "GET", `/api/tasks/${plumberId}`)).status(), {
      timeout: 15_000,
    })
    .toBe(404);

  // A reload shows the same state, straight from the server.
  await page.reload();
  const adasList = [{ title: "Send the quarterly report", done: false }];
  await expectTasks(page, adasList);
  await expect(page.getByText("Finance signed off on Friday")).toBeVisible();
  await expect(page.getByText("Call the plumber")).toHaveCount(0);
  await expectCounts(page, 1, 1);
  await viewLink(page, /^Completed/).click();
  await expect(page).toHaveURL(/\/tasks\/completed$/);
  await expectTasks(page, [{ title: "Buy oat milk", done: true }]);
  await viewLink(page, /^Inbox/).click();

  const listed = await callApi(page.context(), "GET", "/api/tasks");
  const adasIds = ((await listed.json()) as { id: string }[]).map((task) => task.id);
  expect(adasIds).toHaveLength(2);

  // She signs out; the tasks page is now out of reach.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in$/);

  // Bob signs up in the same browser and sees none of Ada's tasks…
  await signUpThroughForm(page, bob);
  await expect(page.getByRole("banner")).toContainText(bob.email);
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await expect(page.getByText("Send the quarterly report")).toHaveCount(0);

  // …and the API refuses him every one of her task ids.
  for (const id of adasIds) {
    const reads = await callApi(page.context(), "GET", `/api/tasks/${id}`);
    const edits = await callApi(page.context(), "PATCH", `/api/tasks/${id}`, { title: "Mine" });
    const removals = await callApi(page.context(), "DELETE", `/api/tasks/${id}`);
    expect([reads.status(), edits.status(), removals.status()]).toEqual([403, 403, 403]);
  }
  const bobsList = await callApi(page.context(), "GET", "/api/tasks");
  expect(await bobsList.json()).toEqual([]);

  // Ada signs back in and finds everything as she left it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInThroughForm(page, ada);
  await expect(page.getByRole("banner")).toContainText(ada.email);
  await expectTasks(page, adasList);
  await expect(page.getByText("Finance signed off on Friday")).toBeVisible();
});

test("screenshot of the tasks page for the README", async ({ page }) => {
  // Every run starts on empty databases, so a fixed address keeps the picture identical.
  const account = { email: "ada@example.com", password: "correct horse 42" };
  await signUpOverHttp(page.context(), account);
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const tasks = [
    {
      title: "Book flights to Lisbon",
      description: "Window seat, morning departure",
      priority: "high",
      due_date: day(1),
      due_time: "09:00",
      labels: ["travel"],
    },
    { title: "Renew passport", priority: "medium", due_date: day(3), labels: ["travel"] },
    {
      title: "Send the quarterly report",
      description: "Finance signed off on Friday",
      due_date: day(0),
      due_time: "17:00",
      labels: ["work"],
    },
    {
      title: "Water the plants",
      due_date: day(2),
      recurrence: "FREQ=WEEKLY",
      labels: ["home"],
    },
    { title: "Buy oat milk", labels: ["home"] },
  ];
  for (const task of tasks) {
    const created = await callApi(page.context(), "POST", "/api/tasks", task);
    expect(created.status()).toBe(201);
  }
  await page.goto("/tasks");
  await expect(page.getByRole("banner")).toContainText(account.email);
  const done = apiAnswer(page, "PATCH", /\/complete$/);
  await checkbox(page, "Buy oat milk").click();
  expect((await done).status()).toBe(200);
  await page.getByLabel("Task title").fill("Plan the team offsite");
  await page.mouse.move(0, 0);

  const picture = await page.screenshot({ animations: "disabled" });
  expect(picture.byteLength).toBeGreaterThan(10_000);
  if (process.env.UPDATE_SCREENSHOT === "1" || !existsSync(screenshotPath)) {
    writeFileSync(screenshotPath, picture);
  }

  await page.goto("/tasks/upcoming");
  await expect(page.getByRole("heading", { name: "Tomorrow" })).toBeVisible();
  const upcoming = await page.screenshot({ animations: "disabled" });
  expect(upcoming.byteLength).toBeGreaterThan(10_000);
  if (process.env.UPDATE_SCREENSHOT === "1" || !existsSync(upcomingScreenshotPath)) {
    writeFileSync(upcomingScreenshotPath, upcoming);
  }
});
