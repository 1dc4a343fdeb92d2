import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import webpush from "web-push";
import type { VapidKeys } from "../env.ts";
import { pushAgents } from "./push-endpoint.ts";

/** A browser's push subscription, as stored (push/subscriptions.ts). */
export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** How long a push service has to answer. */
const PUSH_TIMEOUT_MS = 10_000;

/** How long a push service keeps a message for a browser that is offline: a reminder is stale after. */
const TIME_TO_LIVE_SECONDS = 3600;

export type PushSender = (target: PushTarget, payload: string) => Promise<number>;

/**
 * A sender of Web Push messages (RFC 8030), encrypted for the browser (RFC 8291, aes128gcm) and
 * signed with our VAPID key (RFC 8292) by web-push, which builds the request; we send it ourselves
 * through agents that refuse private addresses (push-endpoint.ts), since web-push's own sender
 * cannot take them for plain http. Resolves with the push service's status code.
 */
export function pushSender(vapid: VapidKeys, allowLoopback: boolean): PushSender {
  const agents = pushAgents(allowLoopback);
  const authorization = vapidAuthorizations(vapid);
  return (target, payload) => {
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      {
        // No vapidDetails: the token is ours (below), web-push would sign one per push.
        headers: { Authorization: authorization(new URL(target.endpoint).origin) },
        TTL: TIME_TO_LIVE_SECONDS,
        urgency: "high",
        contentEncoding: "aes128gcm",
      },
    );
    const https = details.endpoint.startsWith("https:");
    return new Promise<number>((resolve, reject) => {
      const outgoing = (https ? httpsRequest : httpRequest)(
        details.endpoint,
        {
          method: details.method,
          headers: details.headers,
          agent: https ? agents.https : agents.http,
          timeout: PUSH_TIMEOUT_MS,
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error("The push service did not answer")));
      outgoing.on("error", reject);
      outgoing.end(details.body);
    });
  };
}

/** How long a VAPID token is valid (RFC 8292 allows up to a day), and after how long we make another. */
const VAPID_VALID_SECONDS = 12 * 3600;
const VAPID_RENEW_MS = 6 * 3600 * 1000;

/**
 * The `Authorization` header for a push service's origin: a VAPID token signed once and reused
 * until half its life is over, instead of an ES256 signature (and key import) on every push.
 */
function vapidAuthorizations(vapid: VapidKeys) {
  const made = new Map<string, { header: string; at: number }>();
  return (audience: string) => {
    const known = made.get(audience);
    if (known !== undefined && Date.now() - known.at < VAPID_RENEW_MS) return known.header;
    const expiration = Math.floor(Date.now() / 1000) + VAPID_VALID_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      "aes128gcm",
      expiration,
    );
    made.set(audience, { header: Authorization, at: Date.now() });
    return Authorization;
  };
}
