import { z } from "@hono/zod-openapi";
import { errorResponses, RATE_LIMIT_HEADERS } from "../../lib/openapi.ts";

/** The push routes' schemas: a browser's PushSubscription as `toJSON()` gives it. */

export const ENDPOINT_MAX = 2048;

/** base64url without padding (a browser's keys), decoding to `bytes` bytes. */
const base64url = (bytes: number, what: string) =>
  z
    .string()
    .refine(
      (v) => /^[A-Za-z0-9_-]+={0,2}$/.test(v) && Buffer.from(v, "base64url").length === bytes,
      {
        message: `Input should be ${what} in base64url (${bytes} bytes)`,
        params: { type: "value_error" },
      },
    );

export const endpoint = z.string().min(1).max(ENDPOINT_MAX).openapi({
  description:
    "The push service's URL for this browser: https on a public host (never a loopback, private or link-local address).",
  example: "https://fcm.googleapis.com/fcm/send/dGhpcyBpcyBhbiBleGFtcGxl",
});

export const PushSubscriptionSchema = z
  .object({
    endpoint,
    expirationTime: z.number().nullish().openapi({ description: "Ignored.", example: null }),
    keys: z
      .object({
        p256dh: base64url(65, "the browser's P-256 public key").openapi({
          example:
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        }),
        auth: base64url(16, "the browser's auth secret").openapi({
          example: "tBHItJI5svbpez7KI4CCXg",
        }),
      })
      .openapi({
        description: "The browser's keys the messages are encrypted for (RFC 8291).",
        example: {
          p256dh:
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
          auth: "tBHItJI5svbpez7KI4CCXg",
        },
      }),
  })
  .openapi("PushSubscription", {
    description: "A browser's push subscription, as `PushSubscription.toJSON()` gives it.",
  });

export const PushSubscriptionDeleteSchema = z
  .object({ endpoint })
  .openapi("PushSubscriptionDelete", {
    description: "The subscription to remove, by its endpoint.",
  });

export const SubscribedSchema = z
  .object({
    endpoint: z.string().openapi({
      description: "The stored subscription's endpoint.",
      example: "https://fcm.googleapis.com/fcm/send/dGhpcyBpcyBhbiBleGFtcGxl",
    }),
    created_at: z.iso.datetime().openapi({
      description: "When this browser first subscribed (ISO 8601, UTC).",
      example: "2026-11-23T09:30:00.000Z",
    }),
    updated_at: z.iso.datetime().openapi({
      description: "When it last did.",
      example: "2026-11-23T09:30:00.000Z",
    }),
  })
  .openapi("Subscribed", { description: "A browser the caller's reminders are pushed to." });

export const PublicKeySchema = z
  .object({
    public_key: z.string().openapi({
      description:
        "The API's VAPID public key (base64url): `applicationServerKey` for `pushManager.subscribe`.",
      example:
        "BDkxuaeZ85Cv6jnTXVAe0LxVxqeOiwmGzCCubeXYsiuwa73iQzBy_v5xkBSniOU3UEyB7Mrz-Y8t6HNnE-UkLJs",
    }),
  })
  .openapi("PushPublicKey", { description: "The key browsers subscribe with." });

export const PUSH_ERRORS = errorResponses(401, 429, 503);
export { RATE_LIMIT_HEADERS };
