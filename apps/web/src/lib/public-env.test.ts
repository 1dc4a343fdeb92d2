import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../proxy";
import { apiOriginOf, DEFAULT_API_URL, publicEnv } from "./public-env";

describe("the API's origin", () => {
  it("is the origin of NEXT_PUBLIC_API_URL, or the default", () => {
    expect([
      apiOriginOf("https://api.example.com/v1/"),
      apiOriginOf("http://localhost:8100"),
      apiOriginOf(undefined),
      apiOriginOf("  "),
    ]).toEqual([
      "https://api.example.com",
      "http://localhost:8100",
      DEFAULT_API_URL,
      DEFAULT_API_URL,
    ]);
  });

  it("refuses what is not an http(s) URL, naming the variable", () => {
    expect(() => apiOriginOf("ftp://api.example.com")).toThrow(
      'NEXT_PUBLIC_API_URL must be an http(s) URL (got "ftp://api.example.com")',
    );
    expect(() => apiOriginOf("api:8000:x")).toThrow(/NEXT_PUBLIC_API_URL must be an http\(s\) URL/);
  });

  it("is the one the pages' Content-Security-Policy lets the browser call", () => {
    const response = proxy(new NextRequest("http://localhost:3000/tasks"));
    const policy = response.headers.get("Content-Security-Policy") ?? "";
    expect(policy.split("; ").find((directive) => directive.startsWith("connect-src"))).toBe(
      `connect-src 'self' ${publicEnv.apiUrl}`,
    );
  });
});
