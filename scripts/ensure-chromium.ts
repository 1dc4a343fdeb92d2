// Runs before `npm test`: the end-to-end tests drive Debian's Chromium (/usr/bin/chromium); we never
// download a browser. On a fresh Debian machine where we are root, install it from Debian's
// packages; anywhere else, say exactly what is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = "/usr/bin/chromium";

if (!existsSync(chromium)) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      `The end-to-end tests need Chromium at ${chromium}. Install it (Debian: sudo apt-get install chromium) and run again.`,
    );
    process.exit(1);
  }
  console.log(`[test] installing Debian's chromium (${chromium} is missing)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
}
