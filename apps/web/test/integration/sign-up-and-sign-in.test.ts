import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, session as sessionTable, user } from "../../src/lib/db/schema";
import {
  type AuthServer,
  get,
  signIn,
  signOut,
  signUp,
  startAuthServer,
  uniqueEmail,
} from "./harness";

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer();
});

afterAll(async () => {
  await server?.close();
});

describe("sign-up", () => {
  it("creates the user, signs them in with an httpOnly session cookie", async () => {
    const email = uniqueEmail();
    const response = await signUp(server, { email, password: "long enough password" });

    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email, name: "Test User" });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/better-auth\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const session = await get(server, "/get-session", response.cookie ?? "");
    expect(session.status).toBe(200);
    expect(session.body?.user).toMatchObject({ email });
  });

  it("stores an Argon2id hash (19 MiB, 2 iterations, 1 lane), never the password", async () => {
    const email = uniqueEmail();
    await signUp(server, { email, password: "long enough password" });

    const [row] = await server.database.db
      .select({ password: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(eq(user.email, email));

    expect(row?.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.password).not.toContain("long enough password");
  });

  it("refuses an email that is already registered", async () => {
    const email = uniqueEmail();
    await signUp(server, { email, password: "long enough password" });

    const again = await signUp(server, { email, password: "another password" });

    expect(again.status).toBe(422);
    expect(again.body.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    expect(again.cookie).toBeNull();
  });

  it("refuses a password shorter than 8 characters", async () => {
    const response = await signUp(server, { email: uniqueEmail(), password: "short77" });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("PASSWORD_TOO_SHORT");
  });

  it("refuses a password longer than 128 characters", async () => {
    const response = await signUp(server, { email: uniqueEmail(), password: "x".repeat(129) });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("PASSWORD_TOO_LONG");
  });

  it("accepts passwords of exactly 8 and 128 characters", async () => {
    const eight = await signUp(server, { email: uniqueEmail(), password: "12345678" });
    const max = await signUp(server, { email: uniqueEmail(), password: "y".repeat(128) });

    expect([eight.status, max.status]).toEqual([200, 200]);
  });
});

describe("sign-in", () => {
  it("signs a registered user in with the right password", async () => {
    const email = uniqueEmail();
    await signUp(server, { email, password: "long enough password" });

    const response = await signIn(server, { email, password: "long enough password" });

    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email });
    expect(response.cookie).toMatch(/better-auth\.session_token=/);
  });

  it("answers a wrong password with the same error as an unknown email", async () => {
    const email = uniqueEmail();
    await signUp(server, { email, password: "long enough password" });

    const wrongPassword = await signIn(server, { email, password: "not the password" });
    const unknownEmail = await signIn(server, {
      email: uniqueEmail("nobody"),
      password: "not the password",
    });

    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      code: "INVALID_EMAIL_OR_PASSWORD",
      message: "Invalid email or password",
    });
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.cookie).toBeNull();
  });
});

describe("sign-out", () => {
  it("ends the session on the server", async () => {
    const email = uniqueEmail();
    const { cookie } = await signUp(server, { email, password: "long enough password" });

    const response = await signOut(server, cookie ?? "");
    const session = await get(server, "/get-session", cookie ?? "");

    expect(response.status).toBe(200);
    expect(session.status).toBe(200);
    expect(session.body).toBeNull();
  });
});

describe("sessions", () => {
  it("last 24 hours", async () => {
    const email = uniqueEmail();
    const { cookie } = await signUp(server, { email, password: "long enough password" });

    const session = await get(server, "/get-session", cookie ?? "");
    const { expiresAt: expiry } = (session.body?.session ?? {}) as { expiresAt?: string };
    const expiresAt = Date.parse(String(expiry));

    expect(expiresAt - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });
});

describe("an active session", () => {
  it("is extended to 24 hours again when the browser fetches an API token after an hour", async () => {
    const email = uniqueEmail();
    const { cookie, body } = await signUp(server, { email, password: "long enough password" });
    const userId = String((body.user as { id: string }).id);
    // As if the session had last been extended two hours ago.
    await server.database.db
      .update(sessionTable)
      .set({ expiresAt: new Date(Date.now() + 22 * 3600_000) })
      .where(eq(sessionTable.userId, userId));

    const token = await get(server, "/token", cookie ?? "");
    const [row] = await server.database.db
      .select({ expiresAt: sessionTable.expiresAt })
      .from(sessionTable)
      .where(eq(sessionTable.userId, userId));

    expect(token.status).toBe(200);
    expect(token.headers.get("set-cookie")).toMatch(/better-auth\.session_token=/);
    expect((row?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
  });
});
