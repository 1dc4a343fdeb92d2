import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServer,
  post,
  signedUpUser,
  signUp,
  startAuthServer,
  uniqueEmail,
} from "./harness";

/** Production without SMTP_URL: the web app starts, but offers nothing that needs a mail. */
let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer({ APP_ENV: "production" });
});

afterAll(async () => {
  await server?.close();
});

describe("in production without SMTP_URL", () => {
  it("signs up and in as always", async () => {
    const response = await signUp(server, {
      email: uniqueEmail("no-mail"),
      password: "correct horse battery",
    });

    expect([response.status, response.cookie === null]).toEqual([200, false]);
  });

  it("sends no reset link: the request is refused", async () => {
    const { email } = await signedUpUser(server, "no-reset");

    const response = await post(server, "/request-password-reset", { email });

    expect([response.status, response.body.code]).toEqual([400, "RESET_PASSWORD_DISABLED"]);
  });

  it("changes no address: the request is refused", async () => {
    const { cookie } = await signedUpUser(server, "no-change");

    const response = await post(server, "/change-email", { newEmail: uniqueEmail() }, cookie);

    expect([response.status, response.body.code]).toEqual([400, "CHANGE_EMAIL_DISABLED"]);
  });
});
