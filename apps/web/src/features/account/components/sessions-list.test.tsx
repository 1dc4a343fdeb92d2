import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubAuthRoutes } from "../test/stub-auth-routes";
import { SessionsList } from "./sessions-list";

afterEach(() => {
  vi.unstubAllGlobals();
});

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

const sessions = [
  {
    id: "s2",
    token: "t2",
    userAgent: IPHONE,
    ipAddress: "2001:0db8:85a3:08d3:0000:0000:0000:0000",
    updatedAt: "2026-12-01T10:00:00.000Z",
  },
  {
    id: "s1",
    token: "t1",
    userAgent: FIREFOX,
    ipAddress: "198.51.100.7",
    updatedAt: "2026-12-04T09:00:00.000Z",
  },
];

function serve() {
  return stubAuthRoutes({
    "/api/auth/list-sessions": ok(sessions),
    "/api/auth/get-session": ok({ session: { id: "s1" }, user: { id: "u1" } }),
    "/api/auth/revoke-session": ok({ status: true }),
    "/api/auth/revoke-other-sessions": ok({ status: true }),
  });
}

describe("SessionsList", () => {
  it("lists each session's device and address (an IPv6 one as its network, short), this one first and marked", async () => {
    serve();
    render(<SessionsList />);
    const items = within(
      await screen.findByRole("list", { name: "Signed-in sessions" }),
    ).getAllByRole("listitem");
    expect(items.map((item) => item.textContent?.split("Last active")[0])).toEqual([
      "Firefox 133 on WindowsThis device",
      "Safari 18 on iOS",
    ]);
    expect(items[1]).toHaveTextContent("2001:db8:85a3:8d3::/64");
  });

  it("signs out another session by its token; this one has no button", async () => {
    const server = serve();
    render(<SessionsList />);
    const user = userEvent.setup();
    const button = await screen.findByRole("button", { name: /^Sign out Safari 18 on iOS/ });
    await user.click(button);
    await waitFor(() =>
      expect(server.sentTo("/api/auth/revoke-session").map((r) => r.body)).toEqual([
        { token: "t2" },
      ]),
    );
    expect(screen.getAllByRole("button", { name: /^Sign out .*last active/ })).toHaveLength(1);
  });

  it("signs out everywhere else", async () => {
    const server = serve();
    render(<SessionsList />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Sign out everywhere else" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Every other session is signed out.",
    );
    expect(server.sentTo("/api/auth/revoke-other-sessions")).toHaveLength(1);
  });
});
