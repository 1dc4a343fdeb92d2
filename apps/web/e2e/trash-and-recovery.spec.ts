import type { Page } from "@playwright/test";
import { apiAnswer, apiUrl, callApi, expect, test } from "./fixtures";

/**
 * The trash and recovery, in Debian's Chromium against both apps as `npm start` runs them: a
 * deleted task survives a reload in the Trash and comes back with Restore; the page recovers by
 * itself after the API was unreachable; signing out in one tab signs out the others.
 */

const views = (page: Page) => page.getByRole("navigation", { name: "Views" }).first();
const checkbox = (page: Page, title: string) =>
  page.getByRole("checkbox", { name: `Complete "${title}"` });

test("a deleted task is in the Trash after a reload, and Restore brings it back", async ({
  page,
  account: _signedIn,
}) => {
  await page.goto("/tasks");
  const created = apiAnswer(page, "POST", /^\/api\/tasks$/);
  await page.getByLabel("Task title").fill("Return the library books");
  await page.getByLabel("Task title").press("Enter");
  expect((await created).status()).toBe(201);

  const deleted = apiAnswer(page, "DELETE", /^\/api\/tasks\/[^/]+$/);
  await page.getByRole("button", { name: 'Delete "Return the library books"' }).click();
  expect((await deleted).status()).toBe(204);
  await page.reload();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await expect(checkbox(page, "Return the library books")).toHaveCount(0);

  await views(page).getByRole("link", { name: "Trash" }).click();
  await expect(page).toHaveURL(/\/tasks\/trash$/);
  const trash = page.getByRole("list", { name: "Deleted tasks" });
  await expect(trash.getByText("Return the library books")).toBeVisible();
  await expect(page.getByText("Deleted tasks stay here for 30 days")).toBeVisible();

  const restored = apiAnswer(page, "POST", /^\/api\/tasks\/[^/]+\/restore$/);
  await page.getByRole("button", { name: 'Restore "Return the library books"' }).click();
  expect((await restored).status()).toBe(200);
  await expect(page.getByText("The trash is empty")).toBeVisible();

  await views(page)
    .getByRole("link", { name: /^Inbox/ })
    .click();
  await expect(checkbox(page, "Return the library books")).toBeVisible();
  await page.reload();
  await expect(checkbox(page, "Return the library books")).toBeVisible();
});

test("the page recovers by itself once the API can be reached again", async ({
  page,
  account: _signedIn,
}) => {
  await callApi(page.context(), "POST", "/api/tasks", { title: "Water the plants" });
  const done = await callApi(page.context(), "POST", "/api/tasks", { title: "Buy stamps" });
  const { id } = (await done.json()) as { id: string };
  await callApi(page.context(), "PATCH", `/api/tasks/${id}/complete`, { is_completed: true });
  await page.goto("/tasks");
  await expect(checkbox(page, "Water the plants")).toBeVisible();

  // The API goes away: every request the page makes to it fails to connect.
  await page.route(`${apiUrl}/**`, (route) => route.abort("connectionrefused"));
  await views(page)
    .getByRole("link", { name: /^Completed/ })
    .click();
  await expect(page.getByText("Offline — changes can't be saved.")).toBeVisible();
  await expect(page.getByText("Couldn't load your tasks.")).toBeVisible({ timeout: 20_000 });

  // It is back: no Retry is pressed, the page finds out and loads what it could not.
  await page.unroute(`${apiUrl}/**`);
  await expect(checkbox(page, "Buy stamps")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Couldn't load your tasks.")).toHaveCount(0);
  await expect(page.getByText("Offline — changes can't be saved.")).toHaveCount(0);
});

test("signing out in one tab signs out the others", async ({ page, context, account: _in }) => {
  await page.goto("/tasks");
  const other = await context.newPage();
  await other.goto("/tasks/completed");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Completed");

  await page.getByRole("button", { name: "Sign out" }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(other).toHaveURL(/\/sign-in$/);
});
