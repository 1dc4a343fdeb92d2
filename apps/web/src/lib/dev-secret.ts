import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The development `BETTER_AUTH_SECRET`: generated once into `${dataDir}/dev-secret` (mode 0600) and
 * reused afterwards, so sessions and the encrypted signing keys survive restarts. Never used when
 * APP_ENV=production (the env module refuses to start without a real secret there).
 */
export function loadDevSecret(dataDir: string): string {
  const file = join(dataDir, "dev-secret");
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting together keep the first secret.
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
