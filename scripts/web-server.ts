// The web app's production server as the container image runs it: Next.js's standalone
// `server.js` (output: "standalone"), with the build's static files and public/ copied beside it
// as apps/web/Dockerfile copies them. `npm start`, the e2e suite and `npm run test:scale` all
// serve the web app this way, so what they test is what deploys.
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

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
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return { script, cwd };
}
