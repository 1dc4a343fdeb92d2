import type { LaunchOptions } from "@playwright/test";

/** Debian's Chromium (never a downloaded browser), quiet and without a sandbox or GPU. */
export const chromiumLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
} satisfies LaunchOptions;
