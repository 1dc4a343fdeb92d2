import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { jwt, twoFactor } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { accountDeletionOptions, passwordForDeletion } from "./account-deletion";
import { blankPasswordGuard } from "./blank-password";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { type DatabaseHandle, openDatabase } from "./db";
import * as schema from "./db/schema";
import { loadDevSecret } from "./dev-secret";
import { type Env, getEnv } from "./env";
import { authMailOptions } from "./mail/send-auth-mail";
import { createMailSender } from "./mail/send-mail";
import { hashPassword, verifyPassword } from "./password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";
import { signInLimit } from "./sign-in-limit";

const DAY_SECONDS = 60 * 60 * 24;

/** A new signing key every 30 days; a retired key stays in the JWKS for 7 more days. */
const KEY_ROTATION_SECONDS = 30 * DAY_SECONDS;
const KEY_GRACE_SECONDS = 7 * DAY_SECONDS;

/**
 * BETTER_AUTH_SECRET; in development without one, the generated ${DATA_DIR}/dev-secret. With
 * versioned BETTER_AUTH_SECRETS and no BETTER_AUTH_SECRET there is none: the newest versioned
 * secret signs and encrypts, and BETTER_AUTH_SECRET would only decrypt pre-rotation data.
 */
function legacySecret(env: Env): string | undefined {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  return env.BETTER_AUTH_SECRETS ? undefined : loadDevSecret(env.DATA_DIR);
}

/**
 * HS256 signer for JWT_MODE=hs256: the same claims as the EdDSA tokens, keyed with
 * BETTER_AUTH_SECRET (or the development secret), which the API gets as JWT_SECRET.
 */
function hs256Signer(env: Env) {
  const key = new TextEncoder().encode(env.BETTER_AUTH_SECRET ?? loadDevSecret(env.DATA_DIR));
  return (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key);
}

/** Work Better Auth hands off so an answer need not wait for it (mails): failures are logged. */
function runInBackground(task: Promise<unknown>): void {
  void task.catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : "unknown error";
    console.error(`Taskline web: a background task failed: ${reason}`);
  });
}

export function createAuth({ env, database }: { env: Env; database: DatabaseHandle }) {
  const issuer = env.BETTER_AUTH_URL;
  const hs256 = env.JWT_MODE === "hs256";
  // The production server forces NODE_ENV=production, so decide from APP_ENV instead.
  const limited = env.APP_ENV === "production";
  const mail = authMailOptions({
    env,
    sendMail: createMailSender(env),
    markEmailVerified: async (userId) => {
      await database.db
        .update(schema.user)
        .set({ emailVerified: true })
        .where(eq(schema.user.id, userId));
    },
  });

  // The API token for deleting an account's tasks, minted as /api/auth/token mints it; the
  // instance it needs exists only once betterAuth() has returned.
  let apiTokenFor = async (_headers: Headers): Promise<string> => {
    throw new Error("the auth instance is not ready");
  };

  const auth = betterAuth({
    appName: "Taskline",
    baseURL: env.BETTER_AUTH_URL,
    basePath: "/api/auth",
    secret: legacySecret(env),
    secrets: env.BETTER_AUTH_SECRETS,
    database: drizzleAdapter(database.db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      ...mail.emailAndPassword,
    },
    emailVerification: mail.emailVerification,
    user: { ...mail.user, deleteUser: accountDeletionOptions(env, (h) => apiTokenFor(h)) },
    // Reset links' tokens are kept as hashes: a copy of the database opens no account.
    verification: { storeIdentifier: "hashed" },
    session: {
      expiresIn: DAY_SECONDS,
      // A request more than an hour after the last refresh pushes expiry 24 h out again.
      updateAge: 60 * 60,
    },
    rateLimit: {
      enabled: limited,
      // Per client address (see advanced.ipAddress), in the database so every replica counts
      // the same attempts.
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 5 },
        // Each sends a mail.
        "/request-password-reset": { window: 60, max: 5 },
        "/send-verification-email": { window: 60, max: 5 },
        "/change-email": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: env.BETTER_AUTH_URL.startsWith("https://"),
      // Set by handleAuthRequest from the socket's peer and TRUSTED_PROXIES, never by a client.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Mails go out after the answer, which so takes as long whether an address is known or not.
      backgroundTasks: { handler: runInBackground },
    },
    telemetry: { enabled: false },
    plugins: [
      // Per account, whatever the address: 10 attempts in 15 minutes.
      ...(limited ? [signInLimit({ db: database.db, max: 10, windowSeconds: 15 * 60 })] : []),
      // TOTP with ten single-use backup codes. Wrong codes: 5 per sign-in (then sign in again),
      // 10 in a row lock the second factor for 15 minutes, and (rate limits on) 3 requests per
      // 10 s per address on each /two-factor/* endpoint, Better Auth's own rules.
      twoFactor({ issuer: "Taskline", trustDeviceMaxAge: 30 * DAY_SECONDS }),
      // WebAuthn for the site BETTER_AUTH_URL names; a passkey signs in without the email.
      passkey({
        rpID: new URL(env.BETTER_AUTH_URL).hostname,
        rpName: "Taskline",
        origin: env.BETTER_AUTH_URL,
      }),
      passwordForDeletion,
      // Sign-up, reset and change refuse a password of only spaces, whoever sends the request.
      blankPasswordGuard(),
      jwt({
        // Our client calls /api/auth/token; signing one on every get-session would be wasted work.
        disableSettingJwtHeader: true,
        jwks: hs256
          ? // A custom signer needs these two settings; they also turn /jwks off, as there
            // is no public key to publish for a shared-secret algorithm.
            { remoteUrl: `${issuer}/api/auth/jwks`, keyPairConfig: { alg: "EdDSA" } }
          : {
              keyPairConfig: { alg: "EdDSA", crv: "Ed25519" },
              rotationInterval: KEY_ROTATION_SECONDS,
              gracePeriod: KEY_GRACE_SECONDS,
            },
        jwt: {
          issuer,
          audience: issuer,
          expirationTime: env.JWT_EXPIRES_IN,
          // With iat, exp, iss, aud and sub added by the plugin: exactly the lean claim set.
          definePayload: ({ user }) => ({ email: user.email }),
          sign: hs256 ? hs256Signer(env) : undefined,
        },
      }),
      nextCookies(), // must stay last
    ],
  });
  apiTokenFor = async (headers) => (await auth.api.getToken({ headers })).token;
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

type Started = { auth: Auth; database: DatabaseHandle };

const slot = globalThis as typeof globalThis & { __taskline_auth?: Promise<Started> };

function start(): Promise<Started> {
  slot.__taskline_auth ??= (async () => {
    const env = getEnv();
    const database = await openDatabase(env);
    return { auth: createAuth({ env, database }), database };
  })().catch((error: unknown) => {
    slot.__taskline_auth = undefined;
    throw error;
  });
  return slot.__taskline_auth;
}

/**
 * This process's Better Auth instance: configuration parsed, database opened and migrated on
 * first use (never at `next build`). One per process, kept on `globalThis` so dev reloads reuse
 * the same PGlite. A failed start is not cached, so the next request tries again.
 */
export async function getAuth(): Promise<Auth> {
  return (await start()).auth;
}

/** The auth database of this process's Better Auth instance (for `/ready`). */
export async function getAuthDatabase(): Promise<DatabaseHandle> {
  return (await start()).database;
}
