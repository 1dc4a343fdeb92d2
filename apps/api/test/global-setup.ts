import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { PGLITE_EXTENSIONS, pgliteDatabase } from "../src/db/pglite.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a freshly migrated PGlite database ("" when tests use TEST_DATABASE_URL). */
    pgliteTemplate: string;
  }
}

/**
 * Creating and migrating a PGlite database costs ~3 s; loading a dump of one ~0.5 s. So the
 * migrations run once here, through the app's own migrate(), and every test file starts from
 * the dump.
 */
export async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "taskline-api-test-"));
  const file = join(dir, "migrated.tar");
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  await pgliteDatabase(client).migrate();
  const dump = await client.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
