import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FakeTaskApi } from "./fake-task-api";
import type { TestSession } from "./render-with-session";

type Fake = { server: FakeTaskApi; session: TestSession };

/** The task of that title as the fake API holds it now. */
export const storedTask = ({ server, session }: Fake, title: string) =>
  server.tasksOf(session.userId).find((task) => task.title === title);

/** The bodies of the user's PATCH requests, in order. */
export const patchBodies = ({ server, session }: Fake) =>
  server.received
    .filter((request) => request.userId === session.userId && request.method === "PATCH")
    .map((request) => request.body);

/** Opens the task's editor with its Edit button and waits for the form. */
export async function openEditor(title: string) {
  await userEvent.click(screen.getByRole("button", { name: `Edit "${title}"` }));
  await screen.findByRole("form", { name: `Edit "${title}"` });
}
