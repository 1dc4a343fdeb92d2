import type { Page } from "@playwright/test";
import { apiAnswer, expect, test } from "./fixtures";

/** Two tabs of one user: what one does, the other shows within a second, without a reload. */

/** Well within the "within 1 second", measured from the API's answer to the first tab. */
const LIVE = { timeout: 1_000 };

const checkbox = (page: Page, title: string) =>
  page.getByRole("checkbox", { name: `Complete "${title}"` });
const viewLink = (page: Page, name: RegExp) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name });

/** Opens the tasks page and waits until its live stream has answered. */
async function openLive(page: Page) {
  const stream = apiAnswer(page, "GET", /^\/api\/events$/);
  await page.goto("/tasks");
  expect((await stream).status()).toBe(200);
}

test("a second tab sees adds, edits, toggles and deletes within a second", async ({
  context,
  account: _signedIn,
}) => {
  const [mine, other] = [await context.newPage(), await context.newPage()];
  await openLive(mine);
  await openLive(other);
  await expect(other.getByText("No tasks yet")).toBeVisible();

  // Add: the first event also shows the stream works end to end, so it gets the usual timeout.
  const created = apiAnswer(mine, "POST", /^\/api\/tasks$/);
  await mine.getByLabel("Task title").fill("Buy milk");
  await mine.getByLabel("Task title").press("Enter");
  expect((await created).status()).toBe(201);
  await expect(checkbox(other, "Buy milk")).toBeVisible();
  await expect(viewLink(other, /^Inbox/)).toHaveAccessibleName("Inbox 1");

  // Edit.
  await mine.getByRole("button", { name: 'Edit "Buy milk"' }).click();
  const editor = mine.getByRole("form", { name: 'Edit "Buy milk"' });
  await editor.getByLabel("Title", { exact: true }).fill("Buy oat milk");
  const edited = apiAnswer(mine, "PATCH", /^\/api\/tasks\/[^/]+$/);
  await editor.getByRole("button", { name: "Save" }).click();
  expect((await edited).status()).toBe(200);
  await expect(checkbox(other, "Buy oat milk")).toBeVisible(LIVE);

  // Toggle: done, it leaves Inbox and Completed counts it.
  const completed = apiAnswer(mine, "PATCH", /^\/api\/tasks\/[^/]+\/complete$/);
  await checkbox(mine, "Buy oat milk").click();
  expect((await completed).status()).toBe(200);
  await expect(checkbox(other, "Buy oat milk")).toHaveCount(0, LIVE);
  await expect(viewLink(other, /^Completed/)).toHaveAccessibleName("Completed 1", LIVE);
  await expect(viewLink(other, /^Inbox/)).toHaveAccessibleName("Inbox 0", LIVE);

  // Delete, from the Completed view of both tabs.
  await viewLink(mine, /^Completed/).click();
  await viewLink(other, /^Completed/).click();
  await expect(checkbox(other, "Buy oat milk")).toBeChecked();
  const deleted = apiAnswer(mine, "DELETE", /^\/api\/tasks\/[^/]+$/);
  await mine.getByRole("button", { name: 'Delete "Buy oat milk"' }).click();
  expect((await deleted).status()).toBe(204);
  await expect(checkbox(other, "Buy oat milk")).toHaveCount(0, LIVE);
  await expect(viewLink(other, /^Completed/)).toHaveAccessibleName("Completed 0", LIVE);

  // Live updates never paused on the way.
  await expect(other.getByText("Live updates paused — reconnecting…")).toHaveCount(0);
});
