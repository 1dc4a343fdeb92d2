import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Scalar } from "@scalar/hono-api-reference";
import type { App, AppEnv } from "../lib/context.ts";

/**
 * `/docs`: the Scalar API reference, whose script the API serves itself from the pinned
 * @scalar/api-reference package (its standalone browser bundle): the page loads nothing from
 * another origin, and its Content-Security-Policy allows only this origin and the page's own
 * inline configuration, by a per-request nonce.
 */

export const SCALAR_SCRIPT_PATH = "/docs/scalar.js";

/** The package's entry (dist/index.js); the bundle and package.json sit beside it. */
const SCALAR_ENTRY = import.meta.resolve("@scalar/api-reference");
const SCALAR_BUNDLE = new URL("./browser/standalone.js", SCALAR_ENTRY);
const SCALAR_VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", SCALAR_ENTRY), "utf8")) as { version: string }
).version;

/**
 * Scripts: this origin and the page's nonce'd inline configuration only (no eval: the bundle's Zod
 * probes for it and does without). Styles may be inline: the bundle injects style elements
 * without the nonce, and Vue sets style attributes. Requests (the document, "Try it") go to this
 * origin only.
 */
const docsPolicy = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

/** The version in the URL lets browsers cache the script for a year and still get a new one. */
export const SCALAR_SCRIPT_URL = `${SCALAR_SCRIPT_PATH}?v=${SCALAR_VERSION}`;

/** The file served at SCALAR_SCRIPT_PATH. */
export const SCALAR_BUNDLE_FILE = SCALAR_BUNDLE;

const SCALAR_CONFIG = {
  url: "/openapi.json",
  pageTitle: "Taskline API",
  cdn: SCALAR_SCRIPT_URL,
  // Nothing from Scalar's servers: no web fonts, no telemetry, no AI chat.
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
};

let bundle: Promise<ArrayBuffer> | undefined;

function scalarBundle(): Promise<ArrayBuffer> {
  // Read on first use (4.7 MB), then kept: most processes never serve the docs.
  bundle ??= readFile(SCALAR_BUNDLE).then(
    (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    (error: unknown) => {
      bundle = undefined;
      throw error;
    },
  );
  return bundle;
}

export function registerDocs(app: App) {
  app.get("/docs", (c, next) => {
    const nonce = randomBytes(16).toString("base64");
    c.header("Content-Security-Policy", docsPolicy(nonce));
    return Scalar<AppEnv>({ ...SCALAR_CONFIG, nonce })(c, next);
  });

  app.get(SCALAR_SCRIPT_PATH, async (c) => {
    return c.body(await scalarBundle(), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
}
