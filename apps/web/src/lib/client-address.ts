import { BlockList, isIP } from "node:net";

/**
 * The header Better Auth reads the client's address from (advanced.ipAddress.ipAddressHeaders):
 * set by handleAuthRequest alone, which drops any copy a client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-taskline-client-address";

/** Whether an address belongs to one of the trusted reverse proxies (TRUSTED_PROXIES). */
export type TrustedProxies = (address: string) => boolean;

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** A matcher for addresses and CIDR ranges as TRUSTED_PROXIES lists them (already validated). */
export function trustedProxies(ranges: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const range of ranges) {
    const [network = "", bits] = range.split("/");
    const family = familyOf(network);
    const prefix = bits === undefined ? (family === "ipv6" ? 128 : 32) : Number(bits);
    list.addSubnet(network, prefix, family);
  }
  return (address) => isIP(address) !== 0 && list.check(address, familyOf(address));
}

/**
 * One address as it appears in X-Forwarded-For or on a socket, made comparable: without an
 * IPv4-mapped prefix (`::ffff:192.0.2.1`), brackets or a port. Undefined when it is no address.
 */
export function plainAddress(value: string): string | undefined {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (withPort?.[1]) address = withPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy. Then
 * X-Forwarded-For is walked from the right (each proxy appends the address it was connected
 * from), trusted hops are skipped, and the first untrusted one is the client. Anything left of
 * it was written by the client and proves nothing. When every hop is trusted the leftmost is
 * taken; when a hop is not an address, the trusted hop right of it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  isTrusted: TrustedProxies,
): string | undefined {
  let client = peer === undefined ? undefined : plainAddress(peer);
  if (client === undefined || !isTrusted(client) || forwardedFor === null) return client;
  const hops = forwardedFor.split(",").filter((hop) => hop.trim() !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i] ?? "");
    if (hop === undefined) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}
