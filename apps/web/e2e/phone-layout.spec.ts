import type { BrowserContext, Page } from "@playwright/test";
import { callApi, expect, newAccount, signUpOverHttp, test } from "./fixtures";

// A small phone, in a fixed zone so "today" is the same for the test and the app.
test.use({ viewport: { width: 360, height: 740 }, timezoneId: "Europe/Berlin" });

const berlinToday = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });

async function createDueToday(context: BrowserContext, titles: string[]) {
  for (const title of titles) {
    const response = await callApi(context, "POST", "/api/tasks", {
      title,
      due_date: berlinToday(),
    });
    expect(response.status()).toBe(201);
  }
}

/** How far the page is wider than the screen (0 when nothing overflows sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/** The elements reaching past the screen's right edge, named by tag and classes, if any. */
const pastTheEdge = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll("*")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

const row = (page: Page, title: string) =>
  page.locator("[data-task-row]").filter({ has: page.getByText(title, { exact: true }) });

test.describe("on a 360 px phone", () => {
  test("Today's first task is in the first screen and nothing overflows sideways", async ({
    page,
    context,
    account: _signedIn,
  }) => {
    await createDueToday(context, ["Water the plants", "Call the bank", "Book the dentist"]);
    await page.goto("/tasks/today");
    const first = page.locator("[data-task-row]").first();
    await expect(first).toBeVisible();

    const top = (await first.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    const height = await page.evaluate(() => window.innerHeight);

    expect(top).toBeLessThan(height * 0.4);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  test("quick add is one line; its description opens while it is used", async ({
    page,
    account: _signedIn,
  }) => {
    await page.goto("/tasks");
    const description = page.getByLabel("Description (optional)");
    await expect(page.getByLabel("Task title")).toBeVisible();
    await expect(description).toBeHidden();

    await page.getByLabel("Task title").focus();

    await expect(description).toBeVisible();
  });

  test("a row's actions are one menu button, usable from the keyboard", async ({
    page,
    context,
    account: _signedIn,
  }) => {
    await createDueToday(context, ["Pay rent", "Buy milk"]);
    await page.goto("/tasks/today");
    const menuButton = page.getByRole("button", { name: 'Actions for "Pay rent"' });
    await expect(row(page, "Pay rent").getByRole("button")).toHaveCount(1);

    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(menuButton).toBeFocused();

    // End: the last item, Delete.
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(row(page, "Pay rent")).toHaveCount(0);
    await expect(row(page, "Buy milk")).toBeVisible();
  });

  test("editing from a row's menu returns focus to the menu button", async ({
    page,
    context,
    account: _signedIn,
  }) => {
    await createDueToday(context, ["Pay rent"]);
    await page.goto("/tasks/today");
    const menuButton = page.getByRole("button", { name: 'Actions for "Pay rent"' });

    await menuButton.click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();

    await expect(menuButton).toBeFocused();
  });
});

test.describe("on a 360 px phone, text with no place to break", () => {
  test("a long unbroken title and link wrap in the list and the trash", async ({
    page,
    context,
    account: _signedIn,
  }) => {
    const title = "W".repeat(120);
    for (const task of [
      { title, description: `https://example.com/${"path".repeat(60)}` },
      { title: `Deleted ${"D".repeat(120)}` },
    ]) {
      expect((await callApi(context, "POST", "/api/tasks", task)).status()).toBe(201);
    }
    await page.goto("/tasks");
    await page.getByRole("button", { name: /^Actions for "Deleted/ }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await expect(row(page, title)).toBeVisible();

    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto("/tasks/trash");
    await expect(page.getByRole("list", { name: "Deleted tasks" })).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe("in dark mode on a 360 px phone", () => {
  test.use({ colorScheme: "dark" });

  test("Today loads without overflowing sideways", async ({ page, context, account: _ }) => {
    await createDueToday(context, ["A task with a rather long title that has to wrap on a phone"]);
    await page.goto("/tasks/today");
    await expect(page.locator("[data-task-row]").first()).toBeVisible();

    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  test("no page overflows sideways, signed in or out", async ({ page }) => {
    const overflowing: string[] = [];
    for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      if ((await sidewaysOverflow(page)) > 0) overflowing.push(path, ...(await pastTheEdge(page)));
    }
    await signUpOverHttp(page.context(), newAccount("phone"));
    for (const path of [
      "/tasks",
      "/tasks/upcoming",
      "/tasks/completed",
      "/tasks/trash",
      "/account",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      if ((await sidewaysOverflow(page)) > 0) overflowing.push(path, ...(await pastTheEdge(page)));
    }
    expect(overflowing).toEqual([]);
  });
});
