import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./db";

/**
 * `/health`: the process answers. Nothing else is checked, so a database outage takes replicas
 * out of the load balancer (`/ready`) without getting them restarted.
 */
export function healthAnswer(): Response {
  return Response.json({ status: "ok" });
}

/** `/ready`: the auth database (opened and migrated at start-up) answers a query. */
export async function readinessAnswer(database: () => Promise<DatabaseHandle>): Promise<Response> {
  try {
    const handle = await database();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ready" });
  } catch {
    return Response.json(
      { detail: "Database unavailable" },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}
