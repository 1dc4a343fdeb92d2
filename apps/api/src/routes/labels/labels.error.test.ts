import { describe, expect, test } from "vitest";
import { createTask, setupTestApi } from "../../../test/harness.ts";

const api = setupTestApi();

describe("the label endpoints' errors", () => {
  test("an unknown label: 404 on PATCH and DELETE", async () => {
    const alice = await api.user("alice");
    await createTask(alice, { title: "a", labels: ["work"] });
    expect((await alice.patch("/api/labels/nope", { name: "x" })).body).toEqual({
      detail: "Label not found",
    });
    expect((await alice.delete("/api/labels/nope")).status).toBe(404);
  });

  test.each([
    ["no name", {}, "missing"],
    ["an empty name", { name: " " }, "string_too_short"],
    ["a name with a comma", { name: "a,b" }, "value_error"],
    ["a name starting with #", { name: "#a" }, "value_error"],
  ])("PATCH with %s: 422 at body.name, nothing changes", async (_name, body, type) => {
    const alice = await api.user("alice");
    const task = await createTask(alice, { title: "a", labels: ["work"] });
    const response = await alice.patch("/api/labels/work", body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ detail: [{ loc: ["body", "name"], type }] });
    expect(await api.storedTask(task.id)).toEqual(task);
  });

  test("a name with a NUL character: 422 at path.name on PATCH and DELETE", async () => {
    const alice = await api.user("alice");
    const answers = [
      await alice.patch("/api/labels/a%00b", { name: "x" }),
      await alice.delete("/api/labels/a%00b"),
    ];
    expect(answers.map((response) => response.body)).toEqual(
      Array(2).fill({
        detail: [
          {
            loc: ["path", "name"],
            msg: "String should not contain NUL characters or unpaired surrogates",
            type: "string_unicode",
          },
        ],
      }),
    );
  });

  test("without a token: 401", async () => {
    expect((await api.anonymous.get("/api/labels")).status).toBe(401);
  });
});
