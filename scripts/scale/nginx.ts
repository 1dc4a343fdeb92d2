import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readNginxConfig, withUpstreams } from "../../apps/api/test/support/nginx-config.ts";
import { Replica, run } from "./processes.ts";

const NGINX = "/usr/sbin/nginx";

/** Debian's nginx, installed with apt-get when missing (as root, as CI runs). */
export function ensureNginx() {
  if (existsSync(NGINX)) return;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      "test:scale needs nginx: install it (Debian: sudo apt-get install nginx-light)",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], {
    stdio: "inherit",
    env,
  });
}

/**
 * nginx in front of the replicas, unprivileged, with deploy/nginx/taskline.conf as it is
 * committed: only its upstream servers and listen port rewritten, inside a minimal main config.
 */
export function nginxReplica(options: {
  prefix: string;
  port: number;
  web: string[];
  api: string[];
}): Replica {
  const { prefix, port } = options;
  mkdirSync(join(prefix, "logs"), { recursive: true });
  const site = withUpstreams(readNginxConfig(), {
    listen: `127.0.0.1:${port}`,
    upstreams: { taskline_web: options.web, taskline_api: options.api },
  });
  writeFileSync(join(prefix, "taskline.conf"), site);
  writeFileSync(
    join(prefix, "nginx.conf"),
    [
      "worker_processes 1;",
      `error_log ${join(prefix, "logs", "error.log")} warn;`,
      `pid ${join(prefix, "nginx.pid")};`,
      "events { worker_connections 4096; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `  ${kind}_temp_path ${join(prefix, `${kind}_temp`)};`,
      ),
      `  include ${join(prefix, "taskline.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  return new Replica({
    name: "nginx",
    url: `http://127.0.0.1:${port}`,
    readyPath: "/health",
    start: () =>
      run(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], {}, prefix),
  });
}
