import { randomBytes } from "node:crypto";
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";

/** Real keys made with jose and tokens signed with them, shaped like the web app's. */

export const ISSUER = "http://localhost:3000";
export const AUDIENCE = "http://localhost:3000";
export const HS256_SECRET = "test-secret-that-is-at-least-32-bytes-long!";

export const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;

export type SigningKey = {
  kid: string;
  alg: "EdDSA" | "ES256";
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The public key as SPKI PEM text (for the HS256 key-confusion attack). */
  publicPem: string;
};

export async function createSigningKey(alg: "EdDSA" | "ES256" = "EdDSA"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomId("kid");
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" },
    publicPem: await exportSPKI(publicKey),
  };
}

export type TokenOptions = {
  /** Claims to set or override; `undefined` removes the claim (e.g. `{ sub: undefined }`). */
  claims?: Record<string, unknown>;
  /** Seconds from now; negative for an expired token. Default 15 minutes. */
  expiresIn?: number;
  /** Header fields to override (e.g. a different `kid`). */
  header?: Record<string, unknown>;
};

export function baseClaims(sub: string, expiresIn = 15 * 60): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub,
    email: `${sub}@example.com`,
    iat: now,
    exp: now + expiresIn,
    iss: ISSUER,
    aud: AUDIENCE,
  };
}

const withClaims = (payload: JWTPayload, claims: Record<string, unknown> = {}) => {
  const merged: Record<string, unknown> = { ...payload, ...claims };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete merged[name];
  return merged;
};

/** A token like the web app's: header {alg, kid}, payload {sub, email, iat, exp, iss, aud}. */
export function signToken(key: SigningKey, sub: string, options: TokenOptions = {}) {
  return new SignJWT(withClaims(baseClaims(sub, options.expiresIn), options.claims))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...options.header })
    .sign(key.privateKey);
}

/** An HS256 token signed with the given secret (the web app's hs256 mode). */
export function signHs256Token(
  secret: string | Uint8Array,
  sub: string,
  options: TokenOptions = {},
) {
  const key = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(withClaims(baseClaims(sub, options.expiresIn), options.claims))
    .setProtectedHeader({ alg: "HS256", ...options.header })
    .sign(key);
}

/** `alg: none`, no signature. */
export function unsignedToken(sub: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(baseClaims(sub))}.`;
}
