import ipaddr from "ipaddr.js";

/**
 * A session's address as a person reads it. Better Auth stores an IPv6 address cut to its /64
 * network and written out in full (`2001:0db8:0000:…:0000`): that shows as the network in its
 * short form (`2001:db8::/64`), the loopback's as "localhost". Other IPv4 addresses show as stored.
 */
export function describeAddress(stored: string | null | undefined): string | null {
  if (!stored) return null;
  if (!ipaddr.isValid(stored)) return stored;
  const address = ipaddr.process(stored);
  const range = address.range();
  if (range === "loopback" || range === "unspecified") return "localhost";
  if (address instanceof ipaddr.IPv4) return address.toString();
  const network = address.parts.slice(4).every((part) => part === 0);
  return network ? `${address.toString()}/64` : address.toString();
}
