import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ImportTasks } from "./import-tasks";

const PREVIEW = {
  format: "todoist-csv",
  would_create: 2,
  tasks: [
    { title: "Buy milk", due_date: "2027-04-09" },
    { title: "Call Ann", due_date: null },
  ],
  skipped: [{ row: 4, reason: "Empty CONTENT" }],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The API as the component sees it: answers in order, each request recorded. */
function fakeApi(...answers: Response[]) {
  const sent: { url: string; file: unknown; auth: string | null }[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const form = init?.body as FormData;
    sent.push({
      url: String(input),
      file: (form.get("file") as File).name,
      auth: new Headers(init?.headers).get("authorization"),
    });
    const answer = answers.shift();
    if (!answer) throw new Error("no answer left");
    return answer;
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, sent };
}

const csv = () => new File(["TYPE,CONTENT\ntask,Buy milk\n"], "project.csv", { type: "text/csv" });
const getToken = async () => "token-1";

describe("ImportTasks", () => {
  it("previews the chosen file, then imports it on confirmation", async () => {
    const api = fakeApi(json(200, PREVIEW), json(201, { created: 2, skipped: PREVIEW.skipped }));
    render(<ImportTasks fetchImpl={api.fetchImpl} getToken={getToken} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText("Choose a file to import, or drop it here"), csv());
    expect(await screen.findByText("Todoist CSV: 2 tasks to create, 1 skipped.")).toBeVisible();
    expect(screen.getByRole("list", { name: "First tasks" })).toHaveTextContent(
      "Buy milk (due 2027-04-09)Call Ann",
    );
    expect(screen.getByRole("list", { name: "Skipped rows" })).toHaveTextContent(
      "Row 4: Empty CONTENT",
    );
    await user.click(screen.getByRole("button", { name: "Import 2 tasks" }));
    expect(await screen.findByText("Imported 2 tasks.")).toBeVisible();
    expect(
      api.sent.map(({ url, file, auth }) => [
        new URL(url).search.includes("preview=true"),
        file,
        auth,
      ]),
    ).toEqual([
      [true, "project.csv", "Bearer token-1"],
      [false, "project.csv", "Bearer token-1"],
    ]);
  });

  it("says in words why a file cannot be imported, and offers no import", async () => {
    const api = fakeApi(json(422, { detail: "The file is empty" }));
    render(<ImportTasks fetchImpl={api.fetchImpl} getToken={getToken} />);
    await userEvent
      .setup()
      .upload(screen.getByLabelText("Choose a file to import, or drop it here"), csv());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The file could not be read (The file is empty).",
    );
    expect(screen.queryByRole("button", { name: /^Import/ })).toBeNull();
  });

  it("a refused import says nothing was imported, with the reason", async () => {
    const detail =
      "Import refused: an account can hold at most 3 tasks and this one holds 2; nothing was imported.";
    const api = fakeApi(json(200, PREVIEW), json(403, { detail }));
    render(<ImportTasks fetchImpl={api.fetchImpl} getToken={getToken} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText("Choose a file to import, or drop it here"), csv());
    await user.click(await screen.findByRole("button", { name: "Import 2 tasks" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(`Nothing was imported (${detail}).`);
  });
});
