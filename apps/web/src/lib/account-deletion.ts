import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Env } from "./env";
import { publicEnv } from "./public-env";

/** How long the web server waits for the API to delete a user's tasks. */
const API_DELETE_TIMEOUT_MS = 60_000;

export const TASKS_NOT_DELETED = "TASKS_NOT_DELETED";

/** Where this server reaches the API: API_INTERNAL_URL when set, else the browser's URL. */
export const apiUrlFor = (env: Pick<Env, "API_INTERNAL_URL">) =>
  env.API_INTERNAL_URL ?? publicEnv.apiUrl;

function notDeleted(reason: string): APIError {
  return new APIError("SERVICE_UNAVAILABLE", {
    code: TASKS_NOT_DELETED,
    message: `Your account was not deleted: ${reason} Nothing was removed; please try again later.`,
  });
}

/** DELETE /api/me with the user's token: resolves on the API's 204, else throws in words. */
export async function deleteTaskData(apiUrl: string, token: string): Promise<void> {
  let status: number;
  try {
    const response = await fetch(`${apiUrl}/api/me`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(API_DELETE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    status = response.status;
  } catch {
    throw notDeleted("the task service could not be reached.");
  }
  if (status !== 204) throw notDeleted(`the task service answered ${status}.`);
}

/**
 * Better Auth's account deletion, with the tasks first: once the password is checked, the API
 * deletes the user's tasks (with a token minted for them now); only after its 204 does Better
 * Auth delete the user, whose sessions, accounts, passkeys and two-factor rows go with it. When
 * the API cannot, nothing is deleted and the answer says so.
 */
export function accountDeletionOptions(
  env: Pick<Env, "API_INTERNAL_URL">,
  tokenFor: (headers: Headers) => Promise<string>,
): NonNullable<NonNullable<BetterAuthOptions["user"]>["deleteUser"]> {
  return {
    enabled: true,
    beforeDelete: async (_user, request) => {
      if (!request) throw notDeleted("the request could not be read.");
      await deleteTaskData(apiUrlFor(env), await tokenFor(request.headers));
    },
  };
}

/**
 * Deleting an account always takes the password: Better Auth would otherwise accept a session
 * younger than a day, which anyone at an unlocked screen has.
 */
export const passwordForDeletion: BetterAuthPlugin = {
  id: "password-for-deletion",
  hooks: {
    before: [
      {
        matcher: (context) => context.path === "/delete-user",
        handler: createAuthMiddleware(async (ctx) => {
          const password = (ctx.body as { password?: unknown } | undefined)?.password;
          if (typeof password === "string" && password !== "") return;
          throw new APIError("BAD_REQUEST", {
            code: "PASSWORD_REQUIRED",
            message: "Enter your password to delete your account.",
          });
        }),
      },
    ],
  },
};
