// @vitest-environment jsdom
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTaskApi, startFakeTaskApi } from "@/features/tasks/test/fake-task-api";
import { createTokenSource, SessionEndedError } from "./api-token";

let server: FakeTaskApi;
let user = 0;

beforeAll(async () => {
  server = await startFakeTaskApi();
});
afterAll(() => server.close());

/** A token source signed in as a fresh user, on a clock the test moves by hand. */
function signedInSource() {
  user += 1;
  const cookie = server.session(`token-user-${user}`);
  const clock = { now: Date.parse("2026-03-01T12:00:00Z") };
  let endings = 0;
  const source = createTokenSource({
    tokenUrl: `${server.url}/api/auth/token`,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }),
    now: () => clock.now,
    onSessionEnded: () => {
      endings += 1;
    },
  });
  return { source, clock, cookie, endings: () => endings };
}

const MINUTE = 60_000;

describe("createTokenSource", () => {
  it("fetches a real token and reuses it until a minute before it expires", async () => {
    const { source, clock } = signedInSource();
    const before = server.tokensIssued();

    const first = await source.getToken();
    expect(decodeJwt(first).sub).toBe(`token-user-${user}`);
    expect(await source.getToken()).toBe(first);
    clock.now += 15 * MINUTE - 61_000;
    expect(await source.getToken()).toBe(first);
    expect(server.tokensIssued() - before).toBe(1);

    clock.now += 2_000;
    const second = await source.getToken();
    expect(server.tokensIssued() - before).toBe(2);
    expect(await source.getToken()).toBe(second);
  });

  it("makes callers who ask at the same time share one request", async () => {
    const { source } = signedInSource();
    const before = server.tokensIssued();

    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => source.getToken()));

    expect(new Set(tokens).size).toBe(1);
    expect(server.tokensIssued() - before).toBe(1);
  });

  it("replaces a rejected token once, however many requests it failed", async () => {
    const { source } = signedInSource();
    const rejected = await source.getToken();
    await server.rotateSigningKey();
    const before = server.tokensIssued();

    const [a, b] = await Promise.all([source.refresh(rejected), source.refresh(rejected)]);
    const c = await source.refresh(rejected);

    expect(a).not.toBe(rejected);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(server.tokensIssued() - before).toBe(1);
  });

  it("forgets the token on clear()", async () => {
    const { source } = signedInSource();
    await source.getToken();
    const before = server.tokensIssued();

    source.clear();
    await source.getToken();

    expect(server.tokensIssued() - before).toBe(1);
  });

  it("reports an ended session once and refuses with SessionEndedError", async () => {
    const { source, cookie, endings } = signedInSource();
    server.endSession(cookie);

    await expect(source.getToken()).rejects.toBeInstanceOf(SessionEndedError);
    expect(endings()).toBe(1);
  });

  it("keeps the token in memory only: no storage, no cookie", async () => {
    const { source } = signedInSource();
    const cookiesBefore = document.cookie;

    await source.getToken();

    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe(cookiesBefore);
  });
});
