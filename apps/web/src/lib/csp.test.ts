import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./csp";

const base = {
  nonce: "abc123==",
  apiOrigin: "http://localhost:8000",
  https: false,
  nextDev: false,
};

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name = "", ...values] = directive.split(" ");
      return [name, values.join(" ")];
    }),
  );

describe("contentSecurityPolicy", () => {
  it("allows scripts only from this origin with this response's nonce", () => {
    expect(directives(contentSecurityPolicy(base))["script-src"]).toBe(
      "'self' 'nonce-abc123==' 'strict-dynamic'",
    );
  });

  it("lets the page call only itself and the API", () => {
    expect(directives(contentSecurityPolicy(base))["connect-src"]).toBe(
      "'self' http://localhost:8000",
    );
  });

  it("lets this origin's service worker run", () => {
    expect(directives(contentSecurityPolicy(base))["worker-src"]).toBe("'self'");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    const policy = directives(contentSecurityPolicy(base));

    expect(policy).toMatchObject({
      "default-src": "'self'",
      "frame-ancestors": "'none'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
    });
  });

  it("adds eval only under next dev, and upgrade-insecure-requests only over https", () => {
    expect(contentSecurityPolicy(base)).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(contentSecurityPolicy({ ...base, nextDev: true })).toMatch(/'unsafe-eval'/);
    expect(contentSecurityPolicy({ ...base, https: true })).toMatch(/upgrade-insecure-requests$/);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));

    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
