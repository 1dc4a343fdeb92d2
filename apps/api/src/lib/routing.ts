/** The data needed from Hono's `app.routes` to answer 405s. */
type RouteEntry = { method: string; path: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const toPattern = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((segment) => (segment.startsWith(":") ? "[^/]+" : escapeRegExp(segment)))
      .join("/")}$`,
  );

/**
 * For a path no route matched with this method: the methods some route does serve on it (with
 * HEAD wherever GET is, as Hono answers HEAD with the GET handler). Empty → a genuine 404.
 */
export function methodsAllowedFor(routes: readonly RouteEntry[]) {
  const byPattern = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const { method, path } of routes) {
    if (method === "ALL") continue;
    const entry = byPattern.get(path) ?? { pattern: toPattern(path), methods: new Set() };
    entry.methods.add(method);
    if (method === "GET") entry.methods.add("HEAD");
    byPattern.set(path, entry);
  }
  const entries = [...byPattern.values()];
  return (path: string): string[] => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of entries) {
      if (pattern.test(path)) for (const method of methods) allowed.add(method);
    }
    return [...allowed].sort();
  };
}
