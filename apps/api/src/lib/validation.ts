import type { Context, Env } from "hono";
import type { z } from "zod";
import { type ValidationIssue, validationError } from "./errors.ts";

/**
 * Turns zod issues into FastAPI-shaped 422 items (`loc`, `msg`, `type`, pydantic's wording),
 * so clients of the original FastAPI contract read our errors the same way.
 */

type Target = "json" | "query" | "param" | "header" | "cookie" | "form";

const LOCATION: Record<Target, string> = {
  json: "body",
  form: "body",
  query: "query",
  param: "path",
  header: "header",
  cookie: "cookie",
};

const TYPE_MESSAGES: Record<string, { type: string; msg: string }> = {
  string: { type: "string_type", msg: "Input should be a valid string" },
  boolean: { type: "bool_type", msg: "Input should be a valid boolean" },
  number: { type: "int_parsing", msg: "Input should be a valid integer" },
  int: { type: "int_parsing", msg: "Input should be a valid integer" },
  object: {
    type: "model_attributes_type",
    msg: "Input should be a valid dictionary or object to extract fields from",
  },
  array: { type: "list_type", msg: "Input should be a valid list" },
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const quoteList = (values: readonly unknown[]) => {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length < 2
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
};

function describe(issue: z.core.$ZodIssue, input: unknown): { type: string; msg: string } {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
        return { type: "missing", msg: "Field required" };
      }
      return (
        TYPE_MESSAGES[issue.expected] ?? {
          type: `${issue.expected}_type`,
          msg: `Input should be a valid ${issue.expected}`,
        }
      );
    }
    case "too_small":
      if (issue.origin === "string") {
        const n = Number(issue.minimum);
        return {
          type: "string_too_short",
          msg: `String should have at least ${n} character${n === 1 ? "" : "s"}`,
        };
      }
      return {
        type: "greater_than_equal",
        msg: `Input should be greater than or equal to ${issue.minimum}`,
      };
    case "too_big":
      if (issue.origin === "array") {
        return {
          type: "too_long",
          msg: `List should have at most ${issue.maximum} items after validation`,
        };
      }
      if (issue.origin === "string") {
        return {
          type: "string_too_long",
          msg: `String should have at most ${issue.maximum} characters`,
        };
      }
      return {
        type: "less_than_equal",
        msg: `Input should be less than or equal to ${issue.maximum}`,
      };
    case "invalid_format":
      if (issue.format === "guid" || issue.format === "uuid") {
        return { type: "uuid_parsing", msg: "Input should be a valid UUID" };
      }
      return { type: "string_pattern_mismatch", msg: issue.message };
    case "invalid_value":
      if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
        return { type: "missing", msg: "Field required" };
      }
      return { type: "enum", msg: `Input should be ${quoteList(issue.values)}` };
    case "custom": {
      const type = issue.params?.type;
      return { type: typeof type === "string" ? type : "value_error", msg: issue.message };
    }
    default:
      return { type: "value_error", msg: issue.message };
  }
}

export function toValidationIssues(
  error: z.ZodError,
  target: string,
  input: unknown,
): ValidationIssue[] {
  const location = LOCATION[target as Target] ?? target;
  return error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((key) => (typeof key === "number" ? key : String(key)))],
    ...describe(issue, input),
  }));
}

type HookResult = { target: string } & (
  | { success: true }
  | { success: false; error: z.ZodError<unknown> }
);

/** The `defaultHook` of every route: bad params, query or body become our 422. */
export function validationHook<E extends Env>(result: HookResult, _c: Context<E>) {
  if (!result.success) {
    // @hono/zod-validator passes the raw input as `data`: it tells a missing field from a wrong one.
    const input = "data" in result ? result.data : undefined;
    throw validationError(toValidationIssues(result.error, result.target, input));
  }
}
