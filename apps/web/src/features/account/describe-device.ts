import Bowser from "bowser";

/**
 * A session's device in words, from the user agent Better Auth stored: "Firefox 133 on
 * Windows", "Safari on iOS", "Unknown device" when there is none or nothing is recognised.
 */
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split(".")[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(" ") : undefined;
  const system = os.name;
  if (name && system) return `${name} on ${system}`;
  return name ?? system ?? "Unknown device";
}
