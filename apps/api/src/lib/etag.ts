/**
 * A task's version is its `updated_at` (every write moves it, even twice within a millisecond),
 * so its ETag is that instant as the task's JSON writes it, quoted: a client can make the tag of
 * any task it holds, from a list page too, as `"${task.updated_at}"`.
 */
export const etagOf = (updatedAt: Date): string => `"${updatedAt.toISOString()}"`;

/**
 * An `If-Match` header (RFC 9110 §13.1.1) as a write's condition: undefined when there is no
 * header or it is `*` (any current version will do); else the versions it accepts, which may be
 * none (weak tags never match, nor do tags this API never made): the write then fails with 412
 * whenever the task exists.
 */
export function versionsIfMatch(header: string | undefined): Date[] | undefined {
  if (header === undefined || header.trim() === "*") return undefined;
  const versions: Date[] = [];
  for (const match of header.matchAll(/(W\/)?"([^"]*)"/g)) {
    const [, weak, value = ""] = match;
    const version = new Date(value);
    if (weak === undefined && !Number.isNaN(version.getTime()) && version.toISOString() === value) {
      versions.push(version);
    }
  }
  return versions;
}
