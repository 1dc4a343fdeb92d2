import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthServer, post, startAuthServer } from "./harness";
import { passwordStep, totpCode, userWithTwoFactor } from "./two-factor-support";

// A production web app: Better Auth's rate limits on.
let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer({ APP_ENV: "production" });
});

afterAll(async () => {
  await server?.close();
});

describe("two-factor codes with rate limits on (APP_ENV=production)", () => {
  it("three attempts per 10 seconds from one address; the fourth, even right, is a 429", async () => {
    const { email, totpURI } = await userWithTwoFactor(server);
    // Enabling took one request of /two-factor/verify-totp's budget; wait for a new window.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const step = await passwordStep(server, email);
    const statuses: number[] = [];
    for (const code of ["000001", "000002", "000003", totpCode(totpURI)]) {
      statuses.push((await post(server, "/two-factor/verify-totp", { code }, step.cookie)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
