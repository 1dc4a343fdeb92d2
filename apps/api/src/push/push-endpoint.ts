import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/**
 * Where the API may send a push: an https URL on a public host, never to a loopback, private,
 * link-local or otherwise reserved address, checked on the addresses the host resolves to (a
 * forged subscription must not make the API call into its own network). With PUSH_ALLOW_LOOPBACK
 * (development and tests) also http(s) on localhost or 127.0.0.0/8 and [::1].
 */

const LOOPBACK_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Why the API will not push to this address, or undefined when it may. */
function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const range = ipaddr.process(address).range();
  if (range === "unicast" || (allowLoopback && range === "loopback")) return undefined;
  return `The push endpoint's host is a ${range} address, not a public one`;
}

/** Why the endpoint is refused (a sentence for a 422), or undefined when the API may push to it. */
export async function endpointProblem(
  endpoint: string,
  allowLoopback: boolean,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "The push endpoint is not a URL";
  }
  const loopbackAllowed = allowLoopback && LOOPBACK_HOSTS.test(url.hostname);
  if (url.protocol !== "https:" && !(loopbackAllowed && url.protocol === "http:")) {
    return "The push endpoint must be an https URL";
  }
  if (url.username !== "" || url.password !== "") {
    return "The push endpoint must not carry credentials";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host)
      ? [host]
      : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return "The push endpoint's host cannot be resolved";
  }
  for (const address of addresses) {
    const problem = addressProblem(address, loopbackAllowed);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Agents that check each connection's resolved address again when it is made (a host may resolve
 * elsewhere by then), keeping connections to push services open between pushes.
 */
export function pushAgents(allowLoopback: boolean) {
  const options = {
    keepAlive: true,
    allowIPAddressList: allowLoopback ? ["127.0.0.0/8", "::1"] : [],
  };
  return {
    http: new RequestFilteringHttpAgent(options),
    https: new RequestFilteringHttpsAgent(options),
  };
}
