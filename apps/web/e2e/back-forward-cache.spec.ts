import { chromiumLaunchOptions } from "./chromium";
import { callApi, expect, test } from "./fixtures";

// Playwright turns the back/forward cache off by default; these scenarios are about it.
test.use({
  launchOptions: { ...chromiumLaunchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] },
});

type Marked = Window & { keptInMemory?: boolean };

test.describe("the back/forward cache", () => {
  test("pages are sent as private and to be revalidated, not as never to be stored", async ({
    page,
    account: _signedIn,
  }) => {
    const signIn = await page.context().request.get("/sign-in", { maxRedirects: 0 });
    const tasks = await page.goto("/tasks/today");

    expect([signIn.headers()["cache-control"], tasks?.headers()["cache-control"]]).toEqual([
      "private, no-cache",
      "private, no-cache",
    ]);
  });

  test("a signed-in page comes back from it, as it was", async ({ page, context, account: _ }) => {
    await callApi(context, "POST", "/api/tasks", { title: "Kept across history" });
    await page.goto("/tasks");
    await expect(page.getByText("Kept across history")).toBeVisible();
    await page.evaluate(() => {
      (window as Marked).keptInMemory = true;
    });

    await page.goto("/account");
    await page.goBack({ waitUntil: "commit" });

    await expect(page.getByText("Kept across history")).toBeVisible();
    expect(await page.evaluate(() => (window as Marked).keptInMemory === true)).toBe(true);
  });

  test("after signing out, going back shows the sign-in page, not the tasks", async ({
    page,
    context,
    account: _,
  }) => {
    await callApi(context, "POST", "/api/tasks", { title: "Private errand" });
    await page.goto("/tasks");
    await expect(page.getByText("Private errand")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goBack({ waitUntil: "commit" });

    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Private errand")).toHaveCount(0);
  });
});
