import { redirect } from "next/navigation";
import { getServerSession } from "@/lib/session";

/** Signed-in users have nothing to do on sign-in or sign-up: straight to their tasks. */
export async function redirectSignedIn(): Promise<void> {
  if (await getServerSession()) redirect("/tasks");
}
