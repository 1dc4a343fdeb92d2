import { describe, expect, test } from "vitest";
import { setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("GET /api/export errors", () => {
  test("an unknown format: 422 naming the parameter", async () => {
    const response = await (await api.user("alice")).get("/api/export?format=xml");
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: [{ loc: ["query", "format"] }] });
  });

  test("without a token: 401 Not authenticated", async () => {
    const response = await api.anonymous.get("/api/export?format=json");
    expect([response.status, response.body]).toEqual([401, { detail: "Not authenticated" }]);
  });
});
