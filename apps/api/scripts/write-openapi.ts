import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "../src/app.ts";

/**
 * Writes the committed snapshot apps/api/openapi.json, formatted by Biome so `biome check` stays
 * clean. The web app generates its client types from this file; a test fails when it is stale.
 */
const snapshotPath = fileURLToPath(new URL("../openapi.json", import.meta.url));
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

writeFileSync(snapshotPath, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
execFileSync(process.execPath, [biome, "format", "--write", snapshotPath], { stdio: "ignore" });
process.stdout.write(`wrote ${snapshotPath}\n`);
