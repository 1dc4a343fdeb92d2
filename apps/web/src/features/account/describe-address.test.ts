import { describe, expect, test } from "vitest";
import { describeAddress } from "./describe-address";

describe("describeAddress", () => {
  test.each([
    ["203.0.113.7", "203.0.113.7"],
    ["127.0.0.1", "localhost"],
    ["2001:0db8:85a3:08d3:0000:0000:0000:0000", "2001:db8:85a3:8d3::/64"],
    ["2001:db8::1", "2001:db8::1"],
    ["0000:0000:0000:0000:0000:0000:0000:0000", "localhost"],
    ["::1", "localhost"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["not an address", "not an address"],
    ["", null],
    [null, null],
  ])("%j → %j", (stored, words) => {
    expect(describeAddress(stored)).toBe(words);
  });
});
