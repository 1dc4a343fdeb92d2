import type { QueryClient } from "@tanstack/react-query";
import { etagOf } from "./task-api";

/**
 * The user's own accepted changes, per query client: `<id>@<updated_at it was made to>` → the
 * `updated_at` it produced. A change the user made while an earlier one of theirs to the same task
 * was still on its way was made to the version before that one; following these links sends it
 * with the newer tag, so the user's own change is never mistaken for a change made elsewhere.
 * Only accepted changes are recorded, so the chain never skips one made elsewhere.
 */
const accepted = new WeakMap<QueryClient, Map<string, string>>();

function changesOf(client: QueryClient): Map<string, string> {
  let changes = accepted.get(client);
  if (!changes) {
    changes = new Map();
    accepted.set(client, changes);
  }
  return changes;
}

const link = (id: string, updatedAt: string) => `${id}@${updatedAt}`;

/** The version a change made to `seen` applies to: `seen`, or what the user's own changes made of it. */
export function latestOwnVersion(client: QueryClient, id: string, seen: string): string {
  const changes = changesOf(client);
  let version = seen;
  // Each link moves to a later time, so this ends; the bound is only a guard.
  for (let hops = 0; hops <= changes.size; hops += 1) {
    const next = changes.get(link(id, version));
    if (next === undefined) break;
    version = next;
  }
  return version;
}

/** `If-Match` for a change the user made while looking at version `seen` of task `id`. */
export const ifMatchFor = (client: QueryClient, id: string, seen: string) =>
  etagOf(latestOwnVersion(client, id, seen));

/** The API accepted a change made to version `from` of task `id`, giving version `to`. */
export function recordOwnChange(client: QueryClient, id: string, from: string, to: string): void {
  changesOf(client).set(link(id, from), to);
}
