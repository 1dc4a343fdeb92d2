import { expect, newAccount, signUpElsewhere, test } from "./fixtures";

test("a forgotten password: the link from the development outbox sets a new one and signs in", async ({
  page,
  browser,
}) => {
  const account = newAccount("forgetful");
  await signUpElsewhere(browser, account);

  // Sign-in → "Forgot password?" → the address.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    "If an account exists for that address, we sent a link",
  );

  // The mail is written after the answer: look in the outbox until it is there.
  const mail = page
    .getByRole("list", { name: "Mails" })
    .getByRole("link")
    .filter({ hasText: account.email });
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(mail).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(mail).toContainText("Reset your Taskline password");
  await mail.click();
  await page.getByRole("link", { name: /\/reset-password\?token=/ }).click();

  // The new password, twice.
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const newPassword = "a whole new password";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set the new password" }).click();

  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("banner")).toContainText(account.email);
});
