/** The part of http_ece (RFC 8188 encrypted content, no types of its own) the push receiver uses. */
declare module "http_ece" {
  import type { ECDH } from "node:crypto";

  type DecryptParams = { version: "aes128gcm"; privateKey: ECDH; authSecret: string };
  export function decrypt(buffer: Buffer, params: DecryptParams): Buffer;
}
