import { healthAnswer } from "@/lib/probes";

/** Liveness of this replica, for container health checks (deploy/). */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return healthAnswer();
}
