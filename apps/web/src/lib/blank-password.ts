import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { PASSWORD_BLANK_CODE, PASSWORD_BLANK_MESSAGE } from "./password-rules";

/** Each endpoint that sets a password, and the body field holding the new one. */
const NEW_PASSWORD_FIELDS: ReadonlyMap<string, string> = new Map([
  ["/sign-up/email", "password"],
  ["/reset-password", "newPassword"],
  ["/change-password", "newPassword"],
]);

/** True when `body[field]` is a string of only whitespace (length is Better Auth's own check). */
function isBlank(body: unknown, field: string): boolean {
  if (typeof body !== "object" || body === null) return false;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === "string" && value.length > 0 && value.trim() === "";
}

/**
 * Refuses a new password made only of spaces (or other whitespace) on every endpoint that sets
 * one, as the forms do: Better Auth checks only the length, and a request need not come from our
 * forms. Runs before the endpoint, so a refused reset leaves its link unspent.
 */
export function blankPasswordGuard(): BetterAuthPlugin {
  return {
    id: "blank-password-guard",
    hooks: {
      before: [
        {
          matcher: (context) => NEW_PASSWORD_FIELDS.has(context.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const field = NEW_PASSWORD_FIELDS.get(ctx.path ?? "");
            if (field === undefined || !isBlank(ctx.body, field)) return;
            throw new APIError("BAD_REQUEST", {
              code: PASSWORD_BLANK_CODE,
              message: PASSWORD_BLANK_MESSAGE,
            });
          }),
        },
      ],
    },
  };
}
