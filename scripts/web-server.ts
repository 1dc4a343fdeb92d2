// The web app's production server as the container image runs it: Next.js's standalone
// `server.js` (output: "standalone"), with the build's static files and public/ copied beside it
// as apps/web/Dockerfile copies them. `npm start`, the e2e suite and `npm run test:scale` all
// serve the web app this way, so what they test is what deploys.
import { cpSync, existsSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";

/** The env files Next.js reads at start-up from the app's directory, which is now the server's. */
const ENV_FILES = [".env", ".env.local", ".env.production", ".env.production.local"];

/**
 * Where to listen for every address, as `next start` does: "::" (IPv6 and IPv4 alike, so
 * localhost reaches it whichever it resolves to) where the machine has IPv6, else "0.0.0.0".
 */
export function anyAddress(): string {
  const ipv6 = Object.values(networkInterfaces()).some((addresses) =>
    addresses?.some((address) => address.family === "IPv6"),
  );
  return ipv6 ? "::" : "0.0.0.0";
}

/** Readies the last `next build` of `webDir` to be served; where its `server.js` lies. */
export function standaloneServer(webDir: string): { script: string; cwd: string } {
  const cwd = join(webDir, ".next", "standalone", "apps", "web");
  const script = join(cwd, "server.js");
  if (!existsSync(script)) {
    throw new Error(`no standalone server at ${script}: run next build first`);
  }
  for (const [from, to] of [
    [join(webDir, ".next", "static"), join(cwd, ".next", "static")],
    [join(webDir, "public"), join(cwd, "public")],
    ...ENV_FILES.map((file) => [join(webDir, file), join(cwd, file)] as const),
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return { script, cwd };
}
