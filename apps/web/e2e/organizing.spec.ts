import type { Page } from "@playwright/test";
import { apiUrl, expect, test } from "./fixtures";

/** Quick add in the browser's zone, and where the task then shows: Upcoming, its label, not Today. */

test.use({ timezoneId: "Europe/Berlin" });

const viewLink = (page: Page, name: RegExp) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name });
const payRent = (page: Page) => page.getByRole("checkbox", { name: 'Complete "Pay rent"' });
/** The row of "Pay rent" in the list named `list`. */
const rowIn = (page: Page, list: string) =>
  page
    .getByRole("list", { name: list })
    .getByRole("listitem")
    .filter({ has: payRent(page) });

test("quick add with a date, time, priority and label lands in Upcoming under Tomorrow and in its label's view, not in Today", async ({
  page,
  account: _signedIn,
}) => {
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet")).toBeVisible();

  const created = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && response.url() === `${apiUrl}/api/tasks`,
  );
  await page.getByLabel("Task title").fill("Pay rent tomorrow 9am !high #home");
  await expect(page.getByRole("list", { name: "Recognised in the title" })).toHaveText(
    /Due Tomorrow 09:00.*High priority.*#home/,
  );
  await page.getByLabel("Task title").press("Enter");
  expect((await created).status()).toBe(201);
  await expect(viewLink(page, /^Upcoming/)).toHaveAccessibleName("Upcoming 1");

  // Upcoming, under "Tomorrow", with its time and its flag; still there after a reload.
  await viewLink(page, /^Upcoming/).click();
  await expect(page).toHaveURL(/\/tasks\/upcoming$/);
  await expect(rowIn(page, "Tomorrow")).toContainText("Tomorrow 09:00");
  await page.reload();
  await expect(rowIn(page, "Tomorrow")).toContainText("High priority");

  // Its label chip opens the label's view, where it shows with the same flag.
  await rowIn(page, "Tomorrow").getByRole("link", { name: "#home" }).click();
  await expect(page).toHaveURL(/\/tasks\/labels\/home$/);
  await expect(rowIn(page, "Tasks")).toContainText("High priority");

  // Not in Today; Back returns to the label's view.
  await viewLink(page, /^Today/).click();
  await expect(page).toHaveURL(/\/tasks\/today$/);
  await expect(page.getByText("Nothing due today")).toBeVisible();
  await expect(payRent(page)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/labels\/home$/);
  await expect(rowIn(page, "Tasks")).toContainText("Tomorrow 09:00");
});
