import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { setupTestApi } from "../../test/harness.ts";
import { buildOpenApiDocument } from "../app.ts";
import { SCALAR_BUNDLE_FILE, SCALAR_SCRIPT_URL } from "./docs.ts";

const api = setupTestApi();

describe("documentation", () => {
  test("GET /openapi.json serves the OpenAPI 3.1 document", async () => {
    const response = await api.anonymous.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body).toEqual(buildOpenApiDocument());
    expect((response.body as { openapi: string }).openapi).toBe("3.1.0");
  });

  test("GET /docs serves the interactive reference for /openapi.json", async () => {
    const response = await api.anonymous.get("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(response.text).toContain("<title>Taskline API</title>");
    expect(response.text).toContain("/openapi.json");
  });
});

describe("documentation loads nothing from elsewhere", () => {
  const POLICY =
    /^default-src 'none'; script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/;

  test("GET /docs: a CSP allowing this origin and the page's nonce'd scripts, no other script URL", async () => {
    const response = await api.anonymous.get("/docs");
    const nonce = POLICY.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const scripts = [...response.text.matchAll(/<script([^>]*)>/g)].map(([, attributes]) => ({
      src: /src="([^"]*)"/.exec(attributes ?? "")?.[1],
      nonce: /nonce="([^"]*)"/.exec(attributes ?? "")?.[1],
    }));
    expect(scripts).toEqual([
      { src: SCALAR_SCRIPT_URL, nonce: expect.any(String) },
      { src: undefined, nonce: expect.any(String) },
    ]);
    expect(scripts.map((script) => script.nonce === nonce)).toEqual([true, true]);
    expect(/https?:\/\//.test(response.text)).toBe(false);
  });

  test("each answer has a nonce of its own", async () => {
    const [first, second] = await Promise.all([
      api.anonymous.get("/docs"),
      api.anonymous.get("/docs"),
    ]);
    const nonceOf = (response: typeof first) =>
      POLICY.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  test("the script: 200, JavaScript, cached for a year, the pinned package's bundle byte for byte", async () => {
    const response = await api.anonymous.get(SCALAR_SCRIPT_URL);
    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      cache: response.headers.get("cache-control"),
      same: response.text === readFileSync(SCALAR_BUNDLE_FILE, "utf8"),
    }).toEqual({
      status: 200,
      type: "text/javascript; charset=utf-8",
      cache: "public, max-age=31536000, immutable",
      same: true,
    });
  });
});
