import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
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

/** How long a passkey confirmed in a session stands in for the password to delete the account. */
export const PASSKEY_CONFIRMATION_MS = 2 * 60_000;

/** The mark a passkey sign-in leaves on its new session (in Better Auth's verification table). */
const confirmation = (sessionId: string) => `account-deletion-confirmed:${sessionId}`;

/**
 * Deleting an account takes the password, or a passkey confirmed in this session within the last
 * two minutes (the account page signs in with the passkey just before): Better Auth would
 * otherwise accept any session younger than a day, which anyone at an unlocked screen has. A
 * passkey sign-in marks its session; the mark is used once.
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
          const session = await getSessionFromCtx(ctx);
          const mark =
            session &&
            (await ctx.context.internalAdapter.findVerificationValue(
              confirmation(session.session.id),
            ));
          if (mark && mark.value === session.user.id && mark.expiresAt.getTime() > Date.now()) {
            await ctx.context.internalAdapter.deleteVerificationByIdentifier(mark.identifier);
            return;
          }
          throw new APIError("BAD_REQUEST", {
            code: "PASSWORD_REQUIRED",
            message: "Enter your password, or confirm with a passkey, to delete your account.",
          });
        }),
      },
    ],
    after: [
      {
        matcher: (context) => context.path === "/passkey/verify-authentication",
        handler: createAuthMiddleware(async (ctx) => {
          const created = ctx.context.newSession;
          if (!created) return;
          await ctx.context.internalAdapter.createVerificationValue({
            identifier: confirmation(created.session.id),
            value: created.user.id,
            expiresAt: new Date(Date.now() + PASSKEY_CONFIRMATION_MS),
          });
        }),
      },
    ],
  },
};
