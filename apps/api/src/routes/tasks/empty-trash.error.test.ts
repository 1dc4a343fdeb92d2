import { describe, expect, test } from "vitest";
import {
  createTask,
  outcome,
  setupTestApi,
  type TaskJson,
  trashTask,
  validationBody,
} from "../../../test/harness.ts";

const api = setupTestApi();

describe("DELETE /api/tasks errors", () => {
  test("without trashed=true: 422 naming trashed, and nothing is deleted", async () => {
    const alice = await api.user("alice");
    const live = await createTask(alice);
    const trashed = await trashTask(alice);
    const response = await alice.delete("/api/tasks");
    expect(outcome(response)).toEqual({
      status: 422,
      body: validationBody({
        loc: ["query", "trashed"],
        msg: "Field required",
        type: "missing",
      }),
    });
    const list = await alice.get("/api/tasks");
    expect((list.body as TaskJson[]).map((t) => t.id)).toEqual([live.id]);
    expect((await api.storedTrashedTask(trashed.id))?.id).toBe(trashed.id);
  });

  test("trashed=false: 422, and the live tasks stay", async () => {
    const alice = await api.user("alice");
    const live = await createTask(alice);
    const response = await alice.delete("/api/tasks?trashed=false");
    expect(response.status).toBe(422);
    expect(await api.storedTask(live.id)).toEqual(live);
  });
});
