import { getAuth } from "./auth";
import { EnvError } from "./env";

/** Start-up of the web server: fail fast and clearly rather than on the first request. */
export async function startAuth(): Promise<void> {
  try {
    await getAuth();
  } catch (error) {
    const reason = error instanceof EnvError ? error.message : String(error);
    console.error(`Taskline web cannot start: ${reason}`);
    process.exit(1);
  }
}
