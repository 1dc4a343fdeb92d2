import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * `npm run build`: the production build, dist/index.js — src/index.ts and its dependencies in one
 * ES module, plus a chunk for what is loaded only on demand (the PGlite driver, db/pglite.ts);
 * types are checked by `npm run typecheck`. The bundle loads in ~0.1 s and peaks near
 * 80 MB; node_modules loaded module by module take ~0.8 s and peak near 300 MB (Node 24 re-reads
 * each package's package.json for every module it resolves, and drizzle-orm's is 180 kB).
 * PGlite (it loads its WebAssembly and data files from beside its module) and pino (it may
 * start worker threads from its own files) stay in node_modules.
 *
 * Whitespace and comments are dropped and syntax shortened (names are kept, so stack traces stay
 * readable; dist/*.js.map maps them back): V8 keeps each module's source text in memory, as one
 * byte per character only if every character is ASCII, and a single "é" in a comment doubled it.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/index.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  minifyWhitespace: true,
  minifySyntax: true,
  charset: "ascii",
  platform: "node",
  format: "esm",
  target: "node22",
  sourcemap: true,
  external: ["@electric-sql/pglite", "pino"],
  // Bundled CommonJS dependencies may call require(): give the ES module one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
