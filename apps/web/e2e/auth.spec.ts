import type { Page } from "@playwright/test";
import { expect, newAccount, signUpElsewhere, test } from "./fixtures";
import { apiUrl } from "./urls";

/** The form's error (Next.js's route announcer, outside <main>, is an alert too). */
const formAlert = (page: Page) => page.getByRole("main").getByRole("alert");

test.describe("signing up and in", () => {
  test("a newcomer signs up through the form and lands on their tasks", async ({ page }) => {
    const account = newAccount("newcomer");

    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    // Client-side navigation: the sign-in form stays on screen until the sign-up page arrives.
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.email);
  });

  test("a wrong password shows 'Invalid email or password' and stays on sign-in", async ({
    page,
    browser,
  }) => {
    const account = newAccount("forgetful");
    await signUpElsewhere(browser, account);

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(formAlert(page)).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("an unknown email gets the very same message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(newAccount("nobody").email);
    await page.getByLabel("Password").fill("whatever password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(formAlert(page)).toHaveText("Invalid email or password");
  });

  test("signing up with a registered email says so", async ({ page, browser }) => {
    const account = newAccount("twice");
    await signUpElsewhere(browser, account);

    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("another password");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(formAlert(page)).toHaveText(
      "An account with this email already exists. Sign in instead.",
    );
  });

  test("a too-short password is explained before anything is sent", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto("/sign-up");
    requests.length = 0;

    await page.getByLabel("Email").fill(newAccount().email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(formAlert(page)).toHaveText("Password must be at least 8 characters.");
    expect(requests.filter((url) => url.includes("/api/auth/"))).toEqual([]);
  });
});

test.describe("sessions", () => {
  test("pages that need a session send visitors to sign-in", async ({ page }) => {
    await page.goto("/tasks");

    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a signed-in user visiting sign-in or sign-up goes to their tasks", async ({
    page,
    account,
  }) => {
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/tasks$/);
    await page.goto("/sign-up");
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("banner")).toContainText(account.email);
  });

  test("signing out returns to sign-in and ends the session", async ({ page, account }) => {
    await page.goto("/tasks");
    await expect(page.getByRole("banner")).toContainText(account.email);

    await page.getByRole("button", { name: "Sign out" }).click();

    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/tasks");
    await expect(page).toHaveURL(/\/sign-in$/);
    const token = await page.context().request.get("/api/auth/token");
    expect(token.status()).toBe(401);
  });
});

test.describe("security headers", () => {
  for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/dev/outbox", "/tasks"]) {
    test(`${path} is served with CSP, anti-framing and no-sniff headers`, async ({
      page,
      account: _signedIn,
    }) => {
      const response = await page.goto(path);
      const headers = response?.headers() ?? {};
      const csp = headers["content-security-policy"] ?? "";

      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain(`connect-src 'self' ${apiUrl}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    });
  }

  test("pages run under the policy without a single violation", async ({ page, account }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await page.goto("/tasks");
    await expect(page.getByRole("banner")).toContainText(account.email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();

    expect(violations).toEqual([]);
  });
});
