import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "../src/app.ts";

type Schema = {
  description?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  /** A named schema used as a field: `[{$ref}, {description, example}]`. */
  allOf?: Schema[];
};

/** A field's own documentation, also when it refers to a named schema. */
const documentation = (field: Schema): Schema => Object.assign({}, field, ...(field.allOf ?? []));
type Operation = {
  operationId?: string;
  summary?: string;
  security?: unknown;
  responses: Record<string, unknown>;
};

const document = buildOpenApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
};

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

describe("the OpenAPI document", () => {
  test("the committed snapshot apps/api/openapi.json is up to date (npm run openapi -w @taskline/api)", () => {
    const snapshot = JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8"));
    expect(snapshot).toEqual(document);
  });

  test("is OpenAPI 3.1 with every route of the API", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([
      "DELETE /api/labels/{name}",
      "DELETE /api/me",
      "DELETE /api/push/subscriptions",
      "DELETE /api/tasks",
      "DELETE /api/tasks/{id}",
      "GET /api/events",
      "GET /api/export",
      "GET /api/labels",
      "GET /api/push/public-key",
      "GET /api/tasks",
      "GET /api/tasks/{id}",
      "GET /health",
      "GET /ready",
      "PATCH /api/labels/{name}",
      "PATCH /api/tasks/{id}",
      "PATCH /api/tasks/{id}/complete",
      "POST /api/import",
      "POST /api/push/subscriptions",
      "POST /api/tasks",
      "POST /api/tasks/{id}/restore",
      "POST /api/tasks/{id}/skip",
      "PUT /api/tasks/{id}",
    ]);
  });

  test("names its schemas, each with a description, and a description and example per field", () => {
    const { schemas } = document.components;
    expect(Object.keys(schemas).sort()).toEqual([
      "Export",
      "HTTPError",
      "HTTPValidationError",
      "Health",
      "ImportPreview",
      "ImportResult",
      "ImportSkipped",
      "ImportedTask",
      "Label",
      "LabelRename",
      "PreconditionFailed",
      "PushPublicKey",
      "PushSubscription",
      "PushSubscriptionDelete",
      "Ready",
      "Reminder",
      "ReminderChoice",
      "Subscribed",
      "Task",
      "TaskCompletion",
      "TaskCreate",
      "TaskReplace",
      "TaskUpdate",
      "ValidationError",
    ]);
    const undocumented = Object.entries(schemas).flatMap(([name, schema]) => [
      ...(schema.description ? [] : [name]),
      ...Object.entries(schema.properties ?? {})
        .map(([name, field]) => [name, documentation(field)] as const)
        .filter(([, field]) => !field.description || field.example === undefined)
        .map(([field]) => `${name}.${field}`),
    ]);
    expect(undocumented).toEqual([]);
  });

  test("the task routes require the bearer scheme; the probes do not", () => {
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description:
          "A JWT from the web app (`GET /api/auth/token`), sent as `Authorization: Bearer …`.",
      },
    });
    for (const { path, operation } of operations) {
      expect(operation.security).toEqual(
        path.startsWith("/api/") ? [{ bearerAuth: [] }] : undefined,
      );
    }
  });

  test("every operation has an id, a summary and its error responses", () => {
    const table = operations.map(({ path, method, operation }) => ({
      route: `${method.toUpperCase()} ${path}`,
      id: typeof operation.operationId,
      summary: typeof operation.summary,
      statuses: Object.keys(operation.responses).sort(),
    }));
    const withBody = ["401", "403", "404", "412", "413", "415", "422", "429", "503"];
    expect(table.sort((a, b) => a.route.localeCompare(b.route))).toEqual(
      [
        {
          route: "DELETE /api/labels/{name}",
          statuses: ["204", "401", "404", "422", "429", "503"],
        },
        { route: "DELETE /api/me", statuses: ["204", "401", "422", "429", "503"] },
        {
          route: "DELETE /api/push/subscriptions",
          statuses: ["204", "401", "413", "415", "422", "429", "503"],
        },
        { route: "DELETE /api/tasks", statuses: ["204", "401", "422", "429", "503"] },
        {
          route: "DELETE /api/tasks/{id}",
          statuses: ["204", "401", "403", "404", "412", "422", "429", "503"],
        },
        { route: "GET /api/events", statuses: ["200", "401", "422", "429", "503"] },
        { route: "GET /api/export", statuses: ["200", "401", "422", "429", "503"] },
        { route: "GET /api/labels", statuses: ["200", "401", "422", "429", "503"] },
        { route: "GET /api/push/public-key", statuses: ["200", "401", "422", "429", "503"] },
        { route: "GET /api/tasks", statuses: ["200", "401", "422", "429", "503"] },
        {
          route: "GET /api/tasks/{id}",
          statuses: ["200", "401", "403", "404", "422", "429", "503"],
        },
        { route: "GET /health", statuses: ["200"] },
        { route: "GET /ready", statuses: ["200", "503"] },
        {
          route: "PATCH /api/labels/{name}",
          statuses: ["204", "401", "404", "413", "415", "422", "429", "503"],
        },
        { route: "PATCH /api/tasks/{id}", statuses: ["200", ...withBody] },
        {
          route: "PATCH /api/tasks/{id}/complete",
          statuses: ["200", "401", "403", "404", "409", "412", "413", "415", "422", "429", "503"],
        },
        {
          route: "POST /api/import",
          statuses: ["200", "201", "401", "403", "413", "415", "422", "429", "503"],
        },
        {
          route: "POST /api/push/subscriptions",
          statuses: ["201", "401", "413", "415", "422", "429", "503"],
        },
        {
          route: "POST /api/tasks",
          statuses: ["201", "401", "403", "409", "413", "415", "422", "429", "503"],
        },
        {
          route: "POST /api/tasks/{id}/restore",
          statuses: ["200", "401", "403", "404", "412", "422", "429", "503"],
        },
        {
          route: "POST /api/tasks/{id}/skip",
          statuses: ["200", "401", "403", "404", "422", "429", "503"],
        },
        { route: "PUT /api/tasks/{id}", statuses: ["200", ...withBody] },
      ].map((row) => ({ ...row, id: "string", summary: "string" })),
    );
  });

  test("every task and label route documents the rate-limit fields; a 429 also Retry-After", () => {
    for (const { path, operation } of operations) {
      if (!path.startsWith("/api/")) continue;
      const responses = operation.responses as Record<string, { headers?: object }>;
      const success = Object.keys(responses).find((status) => status.startsWith("2")) ?? "";
      expect(Object.keys(responses[success]?.headers ?? {})).toEqual(
        expect.arrayContaining(["RateLimit-Policy", "RateLimit"]),
      );
      expect(Object.keys(responses["429"]?.headers ?? {})).toEqual([
        "Retry-After",
        "RateLimit-Policy",
        "RateLimit",
      ]);
    }
  });
});
