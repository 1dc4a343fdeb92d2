import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The web app's own directory (`apps/web`), found by walking up from this module's location —
 * never from the working directory, so `npm start` from anywhere finds the same files.
 */
function findWebRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "migrations", "meta", "_journal.json"))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`Cannot find the web app's migrations folder above ${start}`);
    }
  }
}

export const webRoot = findWebRoot();
/** Committed SQL migrations of the auth database. */
export const migrationsFolder = join(webRoot, "migrations");
/** Default `DATA_DIR`: `<repo root>/.data`. */
export const defaultDataDir = join(webRoot, "..", "..", ".data");
