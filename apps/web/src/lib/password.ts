import { type Algorithm, hash, verify } from "@node-rs/argon2";

/** `Algorithm.Argon2id`: a const enum, which isolated modules cannot read at run time. */
const ARGON2ID = 2 as Algorithm.Argon2id;

/** OWASP's first choice for password storage: Argon2id, 19 MiB, 2 iterations, 1 lane. */
const argon2idOptions = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

export function verifyPassword({ hash, password }: { hash: string; password: string }) {
  return verify(hash, password);
}
