import { getAuthDatabase } from "@/lib/auth";
import { readinessAnswer } from "@/lib/probes";

/** Readiness of this replica, for load balancers and Kubernetes (deploy/). */
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessAnswer(getAuthDatabase);
}
