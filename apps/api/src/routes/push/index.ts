import type { App } from "../../lib/context.ts";
import { registerDeleteSubscription } from "./delete-subscription.ts";
import { registerGetPublicKey } from "./get-public-key.ts";
import { registerSaveSubscription } from "./save-subscription.ts";

/** `/api/push…`: where the caller's reminders are pushed (Web Push subscriptions). */
export function registerPushRoutes(app: App) {
  registerGetPublicKey(app);
  registerSaveSubscription(app);
  registerDeleteSubscription(app);
}
