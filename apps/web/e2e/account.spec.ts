import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { apiToken, apiUrl, callApi, expect, newAccount, signUpOverHttp, test } from "./fixtures";

/** The current code of the key the account page shows (grouped by four). */
function codeFor(key: string): string {
  const secret = OTPAuth.Secret.fromBase32(key.replace(/\s/g, ""));
  return new OTPAuth.TOTP({ secret }).generate();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("the account page", () => {
  test("turning on two-factor, then signing in with a code from the app", async ({
    page,
    account,
  }) => {
    await page.goto("/tasks");
    await page.getByRole("link", { name: /Your account/ }).click();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Turn on two-factor" }).click();
    await page.getByLabel("Your password").fill(account.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(
      page.getByRole("img", { name: "QR code for your authenticator app" }),
    ).toBeVisible();
    const key = (await page.locator("code").first().textContent()) ?? "";
    await page.getByLabel("Code from your app").fill(codeFor(key));
    await page.getByRole("button", { name: "Turn on two-factor" }).click();
    await expect(
      page.getByRole("list", { name: "Backup codes" }).getByRole("listitem"),
    ).toHaveCount(10);
    const saved = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download as .txt" }).click();
    expect((await saved).suggestedFilename()).toBe("taskline-backup-codes.txt");
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();

    await signOut(page);
    await signInWithPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/two-factor$/);
    await page.getByLabel("Code").fill(codeFor(key));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.email);
  });

  test("registering a passkey, then signing in with it without the email", async ({
    page,
    account,
  }) => {
    await addVirtualAuthenticator(page);

    await page.goto("/account");
    await page.getByLabel("Passkey name").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("list", { name: "Passkeys" })).toContainText("Test laptop");

    await signOut(page);
    // The sign-in page also offers passkeys in the email field's autofill (conditional mediation),
    // which this authenticator, saying yes by itself, may complete before the button is clicked.
    await Promise.race([
      page.waitForURL(/\/tasks$/),
      page
        .getByRole("button", { name: "Use a passkey" })
        .click({ timeout: 10_000 })
        .catch(() => undefined),
    ]);
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.email);
  });

  test("the export downloads a CSV of the user's tasks", async ({ page, context, account }) => {
    const created = await callApi(context, "POST", "/api/tasks", {
      title: "Exported, with a comma",
    });
    expect(created.status()).toBe(201);

    await page.goto("/account");
    await expect(page.getByRole("banner")).toContainText(account.email);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    const text = await readFile((await file.path()) ?? "", "utf8");
    expect(file.suggestedFilename()).toMatch(/^taskline-export-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith("\uFEFFid,title,description,")).toBe(true);
    expect(text).toContain('"Exported, with a comma"');
  });

  test("importing a Todoist CSV: a preview first, then the tasks on the list", async ({
    page,
    context,
    account,
  }) => {
    await page.goto("/account");
    await expect(page.getByRole("banner")).toContainText(account.email);
    await page.getByLabel("Choose a file to import, or drop it here").setInputFiles({
      name: "Groceries.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        '\uFEFFTYPE,CONTENT,PRIORITY,DATE,TIMEZONE\r\ntask,"Milk, oat",1,,\r\ntask,,4,,\r\n',
      ),
    });
    await expect(page.getByText("Todoist CSV: 1 task to create, 1 skipped.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Skipped rows" })).toHaveText(
      "Row 2: Empty CONTENT",
    );
    await page.getByRole("button", { name: "Import 1 task" }).click();
    await expect(page.getByText("Imported 1 task.")).toBeVisible();
    const tasks = await (await callApi(context, "GET", "/api/tasks")).json();
    expect(tasks.map((t: { title: string; priority: string }) => [t.title, t.priority])).toEqual([
      ["Milk, oat", "high"],
    ]);
  });

  test("an export imported into a second account gives it the same tasks", async ({
    page,
    context,
    browser,
  }) => {
    await signUpOverHttp(context, newAccount());
    for (const task of [
      { title: "Plan the trip", priority: "high", due_date: "2027-03-01", labels: ["travel"] },
      { title: "Water the plants", due_date: "2027-03-06", recurrence: "FREQ=WEEKLY" },
    ]) {
      expect((await callApi(context, "POST", "/api/tasks", task)).status()).toBe(201);
    }
    await page.goto("/account");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download JSON" }).click();
    const exported = await readFile((await (await download).path()) ?? "");

    const second = await browser.newContext();
    await signUpOverHttp(second, newAccount());
    const other = await second.newPage();
    await other.goto("/account");
    await other.getByLabel("Choose a file to import, or drop it here").setInputFiles({
      name: "taskline-export.json",
      mimeType: "application/json",
      buffer: exported,
    });
    await other.getByRole("button", { name: "Import 2 tasks" }).click();
    await expect(other.getByText("Imported 2 tasks.")).toBeVisible();
    const fields = (tasks: Record<string, unknown>[]) =>
      tasks.map(({ title, priority, due_date, labels, recurrence }) => ({
        title,
        priority,
        due_date,
        labels,
        recurrence,
      }));
    const mine = await (await callApi(context, "GET", "/api/tasks")).json();
    const theirs = await (await callApi(second, "GET", "/api/tasks")).json();
    expect(fields(theirs)).toEqual(fields(mine));
    await second.close();
  });

  test("deleting the account signs out, sign-in fails, and the API keeps none of the tasks", async ({
    page,
    context,
    account,
  }) => {
    for (const title of ["First", "Second"]) {
      expect((await callApi(context, "POST", "/api/tasks", { title })).status()).toBe(201);
    }
    const token = await apiToken(context);

    await page.goto("/account");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByLabel("Your password").fill(account.password);
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=account-deleted$/);
    await expect(page.getByRole("status")).toHaveText(
      "Your account and everything in it have been deleted.",
    );

    await signInWithPassword(page, account.email, account.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password");
    const list = await context.request.get(`${apiUrl}/api/tasks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([list.status(), await list.json()]).toEqual([401, { detail: "Account deleted" }]);
  });

  test("deleting the account with a passkey instead of the password", async ({
    page,
    context,
    account,
  }) => {
    await addVirtualAuthenticator(page);
    expect((await callApi(context, "POST", "/api/tasks", { title: "Mine" })).status()).toBe(201);
    const token = await apiToken(context);
    await page.goto("/account");
    await page.getByLabel("Passkey name").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("list", { name: "Passkeys" })).toContainText("Test laptop");

    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByRole("button", { name: "Confirm with a passkey and delete" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=account-deleted$/);
    await signInWithPassword(page, account.email, account.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password");
    const list = await context.request.get(`${apiUrl}/api/tasks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([list.status(), await list.json()]).toEqual([401, { detail: "Account deleted" }]);
  });
});

/** A platform authenticator in the browser (Chromium's DevTools protocol) that says yes at once. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}
