import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { setupTestApi, TEST_VAPID, TestApi } from "../../../test/harness.ts";
import { pushSubscriptions } from "../../db/schema.ts";

const api = setupTestApi();

const KEYS = {
  p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  auth: "tBHItJI5svbpez7KI4CCXg",
};

const stored = (endpoint: string) =>
  api.database.db
    .select({ userId: pushSubscriptions.userId, p256dh: pushSubscriptions.p256dh })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.endpoint, endpoint));

/** The 422's first message about the endpoint. */
const endpointError = (body: unknown) =>
  (body as { detail: { loc: unknown[]; msg: string }[] }).detail.find(
    (issue) => issue.loc[1] === "endpoint",
  )?.msg;

describe("push subscriptions", () => {
  test("the public key is the API's VAPID public key", async () => {
    const alice = await api.user("alice");
    const response = await alice.get("/api/push/public-key");
    expect([response.status, response.body]).toEqual([200, { public_key: TEST_VAPID.publicKey }]);
  });

  test("a browser's subscription is stored for the caller: 201", async () => {
    const alice = await api.user("alice");
    const endpoint = "http://127.0.0.1:9/push/one";
    const response = await alice.post("/api/push/subscriptions", { endpoint, keys: KEYS });
    expect([response.status, (response.body as { endpoint: string }).endpoint]).toEqual([
      201,
      endpoint,
    ]);
    expect(await stored(endpoint)).toEqual([{ userId: alice.id, p256dh: KEYS.p256dh }]);
  });

  test("posting the same endpoint again updates it, and another user posting it takes it over", async () => {
    const [alice, bob] = [await api.user("alice"), await api.user("bob")];
    const endpoint = "http://127.0.0.1:9/push/shared";
    await alice.post("/api/push/subscriptions", { endpoint, keys: KEYS });
    const newKey = `${KEYS.p256dh.slice(0, -2)}AA`;
    await alice.post("/api/push/subscriptions", { endpoint, keys: { ...KEYS, p256dh: newKey } });
    const afterAlice = await stored(endpoint);
    await bob.post("/api/push/subscriptions", { endpoint, keys: KEYS });
    expect([afterAlice, await stored(endpoint)]).toEqual([
      [{ userId: alice.id, p256dh: newKey }],
      [{ userId: bob.id, p256dh: KEYS.p256dh }],
    ]);
  });

  test("DELETE removes the caller's subscription: 204, and it is gone", async () => {
    const alice = await api.user("alice");
    const endpoint = "http://127.0.0.1:9/push/gone";
    await alice.post("/api/push/subscriptions", { endpoint, keys: KEYS });
    const response = await alice.send(
      "DELETE",
      "/api/push/subscriptions",
      JSON.stringify({ endpoint }),
    );
    expect([response.status, await stored(endpoint)]).toEqual([204, []]);
  });

  test("DELETE of another user's subscription answers 204 and leaves it", async () => {
    const [alice, bob] = [await api.user("alice"), await api.user("bob")];
    const endpoint = "http://127.0.0.1:9/push/alices";
    await alice.post("/api/push/subscriptions", { endpoint, keys: KEYS });
    const response = await bob.send(
      "DELETE",
      "/api/push/subscriptions",
      JSON.stringify({ endpoint }),
    );
    expect([response.status, (await stored(endpoint)).length]).toEqual([204, 1]);
  });

  test.each([
    ["a key that is not 65 bytes", { ...KEYS, p256dh: "AAAA" }, "p256dh"],
    ["an auth secret that is not 16 bytes", { ...KEYS, auth: "AAAA" }, "auth"],
  ])("%s is a 422 naming it", async (_, keys, field) => {
    const alice = await api.user("alice");
    const response = await alice.post("/api/push/subscriptions", {
      endpoint: "http://127.0.0.1:9/push/x",
      keys,
    });
    const issues = (response.body as { detail: { loc: unknown[] }[] }).detail;
    expect([response.status, issues[0]?.loc]).toEqual([422, ["body", "keys", field]]);
  });

  test("without a token: 401", async () => {
    const response = await api.anonymous.post("/api/push/subscriptions", {
      endpoint: "https://push.example.com/x",
      keys: KEYS,
    });
    expect(response.status).toBe(401);
  });
});

describe("push endpoints the API will not call (PUSH_ALLOW_LOOPBACK=false, as in production)", () => {
  const strict = new TestApi({ env: { PUSH_ALLOW_LOOPBACK: "false" } });

  test.each([
    ["http://10.0.0.1/push", "The push endpoint must be an https URL"],
    ["https://10.0.0.1/push", "The push endpoint's host is a private address, not a public one"],
    ["https://localhost/push", "The push endpoint's host is a loopback address, not a public one"],
    [
      "https://127.0.0.1:8443/push",
      "The push endpoint's host is a loopback address, not a public one",
    ],
    ["https://[::1]/push", "The push endpoint's host is a loopback address, not a public one"],
    [
      "https://169.254.169.254/latest",
      "The push endpoint's host is a linkLocal address, not a public one",
    ],
    [
      "https://[::ffff:10.1.2.3]/push",
      "The push endpoint's host is a private address, not a public one",
    ],
    ["http://127.0.0.1:9/push", "The push endpoint must be an https URL"],
    ["https://user:pw@push.example.com/x", "The push endpoint must not carry credentials"],
    ["not a url", "The push endpoint is not a URL"],
  ])("%s is refused with a 422: %s", async (endpoint, message) => {
    await strict.start();
    try {
      const alice = strict.app.client(await strict.tokenFor("alice"));
      const response = await alice.post("/api/push/subscriptions", { endpoint, keys: KEYS });
      expect([response.status, endpointError(response.body)]).toEqual([422, message]);
    } finally {
      await strict.stop();
    }
  });
});
