import type { ApiClient } from "@/lib/api-client";
import { apiErrorFrom } from "@/lib/api-error";

/** Where reminders stand in this browser, as the settings item shows it. */
export type ReminderState = "unsupported" | "denied" | "off" | "on";

/** The service worker (a static file, `public/sw.js`) and the pages it serves. */
export const SERVICE_WORKER_URL = "/sw.js";
const SCOPE = "/";

/** A browser that cannot reach its push service may never settle `subscribe`. */
const SUBSCRIBE_WAIT_MS = 30_000;
/** Signing out waits this long at most for the API to forget the browser. */
const SIGN_OUT_WAIT_MS = 3_000;

function answeredWithin<T>(promise: Promise<T>, ms: number, words: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(words)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** The state now: on only with permission granted and a subscription held. */
export async function readReminderState(): Promise<ReminderState> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  if (Notification.permission !== "granted") return "off";
  return (await currentSubscription()) ? "on" : "off";
}

/** A base64url key (the API's VAPID public key) as the bytes `pushManager.subscribe` takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function sameKey(held: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (held === null) return false;
  const bytes = new Uint8Array(held);
  return bytes.length === wanted.length && bytes.every((byte, index) => byte === wanted[index]);
}

async function publicKey(api: ApiClient): Promise<Uint8Array<ArrayBuffer>> {
  const { data, error, response } = await api.GET("/api/push/public-key");
  if (!data) throw apiErrorFrom(response, error);
  return keyBytes(data.public_key);
}

/**
 * Asks for permission (this must follow the user's click), registers the service worker,
 * subscribes with the API's key and hands the subscription to the API. A subscription made
 * with another key (the API's keys changed) is replaced.
 */
export async function turnRemindersOn(api: ApiClient): Promise<ReminderState> {
  if (!pushSupported()) return "unsupported";
  const permission = await Notification.requestPermission();
  if (permission === "denied") return "denied";
  if (permission !== "granted") return "off";
  const key = await publicKey(api);
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SCOPE });
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await answeredWithin(
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    SUBSCRIBE_WAIT_MS,
    "The browser's push service did not answer. Please try again later.",
  );
  const { endpoint, keys } = subscription.toJSON();
  const { error, response } = await api.POST("/api/push/subscriptions", {
    body: {
      endpoint: endpoint ?? "",
      keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" },
    },
  });
  if (!response.ok) {
    // Not held by the API, the subscription would only make this browser look subscribed.
    await subscription.unsubscribe().catch(() => false);
    throw apiErrorFrom(response, error);
  }
  return "on";
}

async function forgetEndpoint(api: ApiClient, endpoint: string): Promise<void> {
  const { error, response } = await api.DELETE("/api/push/subscriptions", { body: { endpoint } });
  if (!response.ok) throw apiErrorFrom(response, error);
}

/**
 * On sign-out: this browser stops getting the user's reminders, whose titles would otherwise keep
 * showing to whoever uses it next. The API is asked to forget it (briefly: signing out never
 * waits long), and the subscription is dropped either way (a push to it then fails, and the API
 * forgets it then).
 */
export async function forgetBrowserOnSignOut(api: ApiClient): Promise<void> {
  const subscription = pushSupported() ? await currentSubscription().catch(() => null) : null;
  if (!subscription) return;
  await answeredWithin(
    forgetEndpoint(api, subscription.endpoint),
    SIGN_OUT_WAIT_MS,
    "not forgotten in time",
  ).catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}

/** The API forgets this browser first; only then does the browser drop its subscription. */
export async function turnRemindersOff(api: ApiClient): Promise<ReminderState> {
  const subscription = pushSupported() ? await currentSubscription() : null;
  if (subscription) {
    await forgetEndpoint(api, subscription.endpoint);
    await subscription.unsubscribe();
  }
  return readReminderState();
}
