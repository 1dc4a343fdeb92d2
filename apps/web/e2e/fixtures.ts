import { randomUUID } from "node:crypto";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Response,
} from "@playwright/test";

/**
 * Fixtures that create and sign in users over HTTP (Better Auth's endpoints), not through the UI,
 * so each scenario starts where it means to. The session cookie lands in the browser context.
 */
export type Account = { email: string; password: string };

import { apiUrl, webUrl } from "./urls";

export { apiUrl, webUrl };

export function newAccount(label = "user"): Account {
  return {
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: "correct horse 42",
  };
}

async function authPost(request: APIRequestContext, path: string, data: object) {
  const response = await request.post(`${webUrl}/api/auth${path}`, {
    data,
    headers: { origin: webUrl },
  });
  expect(response.status(), `${path} answered ${response.status()}`).toBe(200);
}

/** Creates the account and leaves `context` signed in as it. */
export function signUpOverHttp(context: BrowserContext, account: Account) {
  return authPost(context.request, "/sign-up/email", {
    ...account,
    name: account.email.split("@")[0],
  });
}

/** Creates the account from a context of its own, leaving this test's browser signed out. */
export async function signUpElsewhere(browser: Browser, account: Account) {
  const other = await browser.newContext();
  await signUpOverHttp(other, account);
  await other.close();
}

export function signInOverHttp(context: BrowserContext, account: Account) {
  return authPost(context.request, "/sign-in/email", account);
}

/** The API token the browser would get for this context's session. */
export async function apiToken(context: BrowserContext): Promise<string> {
  const response = await context.request.get("/api/auth/token");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the task API directly as the context's user. */
export async function callApi(
  context: BrowserContext,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  data?: object,
) {
  const token = await apiToken(context);
  return context.request.fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(data ? { data } : {}),
  });
}

/** Resolves with the API's answer to the request an action triggers (the UI is optimistic). */
export function apiAnswer(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.request().method() === method &&
      response.url().startsWith(apiUrl) &&
      path.test(new URL(response.url()).pathname),
  );
}

export const test = base.extend<{ account: Account }>({
  /** A fresh user, signed up and signed in over HTTP in this test's browser context. */
  account: async ({ context }, use) => {
    const account = newAccount();
    await signUpOverHttp(context, account);
    await use(account);
  },
});

export { expect };
