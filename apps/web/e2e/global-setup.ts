import { apiUrl } from "./urls";

/** The web server is up when this runs (Playwright waited for it); wait for the API as well. */
export default async function globalSetup() {
  const health = `${apiUrl}/health`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = await fetch(health)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not answer 200 at ${health} within 60 s`);
}
