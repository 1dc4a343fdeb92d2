import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { ENV_VARIABLES as API_VARIABLES } from "../src/env.ts";
import {
  locationFor,
  parseLocations,
  readNginxConfig,
  upstreamServers,
  withUpstreams,
} from "./support/nginx-config.ts";

/**
 * The deploy files (deploy/, the Dockerfiles) cannot be built here: this checks what can be
 * checked without building them. Every variable they set is one its app reads, and the load
 * balancer's routing (nginx and the Kubernetes Ingress alike) sends every API path to the API.
 */

const repo = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), "utf8");

type App = "api" | "web";
const APPS: App[] = ["api", "web"];

/** The web app's own list, loaded by URL so the API's type check stays out of the web's sources. */
async function webVariables(): Promise<string[]> {
  const module: { ENV_VARIABLES?: unknown } = await import(
    new URL("apps/web/src/lib/env.ts", repo).href
  );
  const names = module.ENV_VARIABLES;
  if (!Array.isArray(names)) throw new Error("apps/web/src/lib/env.ts exports no ENV_VARIABLES");
  // The browser's settings: the NEXT_PUBLIC_* names public-env.ts reads.
  const publicNames = [...read("apps/web/src/lib/public-env.ts").matchAll(/process\.env\.(\w+)/g)];
  // Read by Next.js itself: the mode, and the standalone server's port and listen address.
  const nextJs = ["NODE_ENV", "PORT", "HOSTNAME"];
  return [...names.map(String), ...publicNames.map(([, name = ""]) => name), ...nextJs];
}

const allowed: Record<App, () => Promise<string[]>> = {
  api: async () => [...API_VARIABLES],
  web: webVariables,
};

/** `ENV A=1 B="2 3"`, `ENV A 1` and `ARG A[=default]` lines (a build argument is a variable of the build). */
function dockerfileVariables(text: string): string[] {
  const joined = text.replace(/\\\n/g, " ");
  return joined.split("\n").flatMap((line) => {
    const env = /^\s*ENV\s+(.*)$/i.exec(line)?.[1];
    if (env !== undefined) {
      return /^\w+\s+[^=]*$/.test(env)
        ? [env.split(/\s+/)[0] ?? ""]
        : [...env.matchAll(/(\w+)=(?:"[^"]*"|\S*)/g)].map(([, name = ""]) => name);
    }
    const arg = /^\s*ARG\s+(\w+)/i.exec(line)?.[1];
    return arg === undefined ? [] : [arg];
  });
}

/** `KEY: value` or `- KEY=value` forms of compose's `environment` and `build.args`. */
const composeNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((entry) => String(entry).split("=")[0] ?? "")
    : Object.keys((value ?? {}) as Record<string, unknown>);

type ComposeService = { environment?: unknown; build?: { args?: unknown } };

function composeVariables(app: App): string[] {
  const compose = parse(read("deploy/compose.yaml")) as {
    services: Record<string, ComposeService>;
  };
  const service = compose.services[app];
  if (!service) throw new Error(`deploy/compose.yaml has no service ${app}`);
  return [...composeNames(service.environment), ...composeNames(service.build?.args)];
}

type K8sContainer = { env?: { name: string }[]; envFrom?: unknown[] };
type K8sObject = {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    template?: { spec?: { containers?: K8sContainer[]; initContainers?: K8sContainer[] } };
    rules?: { http?: { paths?: K8sPath[] } }[];
  };
};
type K8sPath = { path: string; pathType: string; backend: { service: { name: string } } };

const k8sObjects = (): K8sObject[] =>
  readdirSync(new URL("deploy/k8s/", repo))
    .filter((file) => file.endsWith(".yaml"))
    .flatMap((file) => parseAllDocuments(read(`deploy/k8s/${file}`)))
    .map((document) => document.toJS() as K8sObject);

/** Each Deployment is `taskline-<app>`; variables only by name (`envFrom` would hide them). */
function k8sVariables(app: App): string[] {
  const deployment = k8sObjects().find(
    (object) => object.kind === "Deployment" && object.metadata?.name === `taskline-${app}`,
  );
  const spec = deployment?.spec?.template?.spec;
  if (!spec) throw new Error(`deploy/k8s has no Deployment taskline-${app}`);
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].flatMap((container) => [
    ...(container.env ?? []).map((variable) => variable.name),
    ...(container.envFrom ?? []).map(() => "envFrom (list each variable by name)"),
  ]);
}

const sources: Record<string, (app: App) => string[]> = {
  Dockerfile: (app) => dockerfileVariables(read(`apps/${app}/Dockerfile`)),
  "deploy/compose.yaml": composeVariables,
  "deploy/k8s": k8sVariables,
};

describe.each(APPS)("the %s app's deploy files", (app) => {
  test.each(Object.keys(sources))("%s sets only variables the app reads", async (source) => {
    const names = new Set(await allowed[app]());
    const set = sources[source]?.(app) ?? [];
    expect({ set: set.length > 0, unknown: set.filter((name) => !names.has(name)) }).toEqual({
      set: true,
      unknown: [],
    });
  });
});

/** Every path of the OpenAPI document, with a value for each parameter (`/api/tasks/x`). */
const apiPaths = (): string[] =>
  Object.keys(
    (JSON.parse(read("apps/api/openapi.json")) as { paths: Record<string, unknown> }).paths,
  ).map((path) => path.replace(/\{[^}]+\}/g, "x"));

/** Each replica's own probes: the load balancer does not route them to the API. */
const PROBES = new Set(["/health", "/ready"]);

describe("deploy/nginx/taskline.conf, the reference load balancer", () => {
  const config = readNginxConfig();
  const locations = parseLocations(config);
  const upstreamOf = (uri: string) => locationFor(locations, uri)?.upstream;

  test("routes every path of apps/api/openapi.json (but the probes) to the API's replicas", () => {
    const paths = apiPaths().filter((path) => !PROBES.has(path));
    expect(paths.filter((path) => upstreamOf(path) !== "taskline_api")).toEqual([]);
  });

  test("routes Better Auth and everything else to the web app's replicas", () => {
    const uris = ["/api/auth/jwks", "/api/auth/sign-in/email", "/", "/tasks/today", "/sw.js"];
    expect(uris.map(upstreamOf)).toEqual(uris.map(() => "taskline_web"));
  });

  test("streams Server-Sent Events from the API: unbuffered, read for an hour", () => {
    const events = locationFor(locations, "/api/events");
    expect({
      upstream: events?.upstream,
      buffering: events?.directives.get("proxy_buffering"),
      readTimeout: events?.directives.get("proxy_read_timeout"),
    }).toEqual({ upstream: "taskline_api", buffering: "off", readTimeout: "1h" });
  });

  test("retries idempotent requests on the next replica, never the others", () => {
    expect(/^\s*proxy_next_upstream\s+([^;]*);/m.exec(config)?.[1]).toBe(
      "error timeout http_502 http_503",
    );
  });

  test("takes other upstream servers and another port, the routing unchanged", () => {
    const rendered = withUpstreams(config, {
      listen: "127.0.0.1:8380",
      upstreams: {
        taskline_web: ["127.0.0.1:3301", "127.0.0.1:3302"],
        taskline_api: ["127.0.0.1:8301"],
      },
    });
    expect({
      servers: Object.fromEntries(upstreamServers(rendered)),
      listen: /^\s*listen\s+([^;]+);/m.exec(rendered)?.[1],
      keepalive: rendered.match(/keepalive 32;/g)?.length,
      routing: parseLocations(rendered),
    }).toEqual({
      servers: {
        taskline_web: ["127.0.0.1:3301", "127.0.0.1:3302"],
        taskline_api: ["127.0.0.1:8301"],
      },
      listen: "127.0.0.1:8380",
      keepalive: 2,
      routing: locations,
    });
  });
});

describe("deploy/k8s/ingress.yaml", () => {
  const paths = k8sObjects()
    .filter((object) => object.kind === "Ingress")
    .flatMap((ingress) => ingress.spec?.rules ?? [])
    .flatMap((rule) => rule.http?.paths ?? []);

  /** Kubernetes' `Prefix` match: whole path elements, the longest path first. */
  const serviceOf = (uri: string) =>
    paths
      .filter(
        (entry) =>
          entry.pathType === "Prefix" &&
          (entry.path === "/" || uri === entry.path || uri.startsWith(`${entry.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length)[0]?.backend.service.name;

  test("routes as nginx does: each location to the same app", () => {
    const nginx = parseLocations(readNginxConfig()).map((location) => [
      location.path.replace(/\/$/, "") || "/",
      location.upstream?.replace("taskline_", ""),
    ]);
    const ingress = paths.map((entry) => [
      entry.path,
      entry.backend.service.name.replace("taskline-", ""),
    ]);
    expect(ingress.sort()).toEqual(nginx.sort());
  });

  test("routes every path of apps/api/openapi.json (but the probes) to the API's Service", () => {
    const api = apiPaths().filter((path) => !PROBES.has(path));
    expect(api.filter((path) => serviceOf(path) !== "taskline-api")).toEqual([]);
  });
});
