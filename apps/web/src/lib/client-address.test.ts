import { describe, expect, it } from "vitest";
import { clientAddress, plainAddress, trustedProxies } from "./client-address";

describe("trustedProxies", () => {
  const isTrusted = trustedProxies(["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"]);

  it.each([
    ["10.200.3.4", true],
    ["11.0.0.1", false],
    ["192.0.2.10", true],
    ["192.0.2.11", false],
    ["2001:db8:1::7", true],
    ["2001:db9::1", false],
    ["not an address", false],
  ])("%s → %s", (address, trusted) => {
    expect(isTrusted(address)).toBe(trusted);
  });
});

describe("plainAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["unknown", undefined],
    ["", undefined],
  ])("%o → %o", (value, address) => {
    expect(plainAddress(value)).toBe(address);
  });
});

describe("clientAddress", () => {
  const loopbackProxy = trustedProxies(["127.0.0.1/32"]);
  const twoProxies = trustedProxies(["127.0.0.1/32", "10.0.0.0/8"]);

  const cases: [string, string, string | null, typeof loopbackProxy, string][] = [
    [
      "no trusted proxy: the peer, whatever the header says",
      "203.0.113.7",
      "198.51.100.1",
      trustedProxies([]),
      "203.0.113.7",
    ],
    ["an untrusted peer: the peer", "203.0.113.7", "198.51.100.1", loopbackProxy, "203.0.113.7"],
    ["a trusted peer without the header: the peer", "127.0.0.1", null, loopbackProxy, "127.0.0.1"],
    [
      "a trusted peer: the address it appended",
      "127.0.0.1",
      "203.0.113.7",
      loopbackProxy,
      "203.0.113.7",
    ],
    [
      "an IPv4-mapped trusted peer",
      "::ffff:127.0.0.1",
      "203.0.113.7",
      loopbackProxy,
      "203.0.113.7",
    ],
    [
      "what the client wrote left of it is ignored",
      "127.0.0.1",
      "198.51.100.1, 203.0.113.7",
      loopbackProxy,
      "203.0.113.7",
    ],
    [
      "trusted hops are skipped",
      "127.0.0.1",
      "198.51.100.1, 203.0.113.7, 10.0.0.2",
      twoProxies,
      "203.0.113.7",
    ],
    ["every hop trusted: the leftmost", "127.0.0.1", "10.0.0.3, 10.0.0.2", twoProxies, "10.0.0.3"],
    [
      "a hop that is no address: the trusted hop right of it",
      "127.0.0.1",
      "203.0.113.7, bogus, 10.0.0.2",
      twoProxies,
      "10.0.0.2",
    ],
  ];

  it.each(cases)("%s", (_, peer, forwardedFor, isTrusted, expected) => {
    expect(clientAddress(peer, forwardedFor, isTrusted)).toBe(expected);
  });

  it("no peer: no address", () => {
    expect(clientAddress(undefined, "203.0.113.7", loopbackProxy)).toBeUndefined();
  });
});
