import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";
import type { Config, VapidKeys } from "../env.ts";

/** The contact push services see for a development key pair. */
const DEV_SUBJECT = "mailto:taskline@localhost.localdomain";

const devKeys = new Map<string, VapidKeys>();

/**
 * The VAPID keys this API signs pushes with: VAPID_* when set (always in production, which refuses
 * to start without them); in development a pair generated once into `${DATA_DIR}/vapid-keys.json`
 * (mode 0600) and kept, so browsers' subscriptions survive restarts.
 */
export function vapidKeysOf(config: Pick<Config, "push" | "dataDir">): VapidKeys {
  if (config.push.vapid !== undefined) return config.push.vapid;
  const known = devKeys.get(config.dataDir);
  if (known !== undefined) return known;
  const file = join(config.dataDir, "vapid-keys.json");
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting together keep the first pair.
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, "utf8")) as VapidKeys;
  const keys = { publicKey, privateKey, subject: DEV_SUBJECT };
  devKeys.set(config.dataDir, keys);
  return keys;
}
