import { readFileSync } from "node:fs";

/**
 * deploy/nginx/taskline.conf, read simply: the reference load balancer's locations (to check
 * where each path goes), and the same file with other upstream servers and another listen port
 * (for running it in front of replicas started on loopback ports).
 */

export const NGINX_CONFIG_URL = new URL("../../../../deploy/nginx/taskline.conf", import.meta.url);

export const readNginxConfig = (): string => readFileSync(NGINX_CONFIG_URL, "utf8");

export type NginxLocation = {
  /** `=` (exact) or `` (prefix); taskline.conf uses no regular-expression locations. */
  modifier: "=" | "";
  path: string;
  /** Each directive of the block by name, with its arguments as written. */
  directives: Map<string, string>;
  /** The upstream block `proxy_pass http://<name>` names. */
  upstream: string | undefined;
};

const withoutComments = (config: string) => config.replace(/#[^\n]*/g, "");

/** Every `location` block (none nested), in the order written. */
export function parseLocations(config: string): NginxLocation[] {
  const blocks = withoutComments(config).matchAll(/location\s+(=\s+)?(\S+)\s*\{([^{}]*)\}/g);
  return [...blocks].map(([, exact, path = "", body = ""]) => {
    const directives = new Map(
      body
        .split(";")
        .map((statement) => statement.trim())
        .filter(Boolean)
        .map((statement): [string, string] => {
          const [name = "", ...args] = statement.split(/\s+/);
          return [name, args.join(" ")];
        }),
    );
    const upstream = /^https?:\/\/([\w.-]+)$/.exec(directives.get("proxy_pass") ?? "")?.[1];
    return { modifier: exact ? "=" : "", path, directives, upstream };
  });
}

/** nginx's choice for a URI among exact and prefix locations: the exact match, else the longest prefix. */
export function locationFor(locations: NginxLocation[], uri: string): NginxLocation | undefined {
  const exact = locations.find((location) => location.modifier === "=" && location.path === uri);
  if (exact) return exact;
  return locations
    .filter((location) => location.modifier === "" && uri.startsWith(location.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The servers each `upstream` block lists (`web:3000`, …). */
export function upstreamServers(config: string): Map<string, string[]> {
  const blocks = withoutComments(config).matchAll(/upstream\s+([\w.-]+)\s*\{([^{}]*)\}/g);
  return new Map(
    [...blocks].map(([, name = "", body = ""]) => [
      name,
      [...body.matchAll(/^\s*server\s+([^;\s]+)[^;]*;/gm)].map(([, address = ""]) => address),
    ]),
  );
}

export type NginxSetup = {
  /** The port (or `address:port`) nginx listens on. */
  listen: string;
  /** `host:port` of each replica, per upstream block (`taskline_web`, `taskline_api`). */
  upstreams: Record<string, string[]>;
};

/** The config with each named upstream's servers and the listen port replaced; the rest as it is. */
export function withUpstreams(config: string, setup: NginxSetup): string {
  const upstreamsDone = Object.entries(setup.upstreams).reduce((text, [name, servers]) => {
    const block = new RegExp(`(upstream\\s+${name}\\s*\\{)([^{}]*)(\\})`);
    if (!block.test(text)) throw new Error(`No upstream block named ${name}`);
    return text.replace(block, (_match, open: string, body: string, close: string) => {
      const kept = body.replace(/^\s*server\s+[^;]*;[^\n]*\n/gm, "");
      const lines = servers.map((server) => `    server ${server};\n`).join("");
      return `${open}\n${lines}${kept.replace(/^\n/, "")}${close}`;
    });
  }, config);
  return upstreamsDone.replace(/^(\s*)listen\s+[^;]+;/m, `$1listen ${setup.listen};`);
}
