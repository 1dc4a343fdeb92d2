import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { announceSignOut } from "@/lib/sign-out-broadcast";
import { SignOutListener } from "./sign-out-listener";

/** A tab of the app: its token source and where it went. */
function tab() {
  const seen = { cleared: 0, left: 0 };
  const tokens = {
    clear: () => {
      seen.cleared += 1;
    },
  };
  const leave = () => {
    seen.left += 1;
  };
  const view = render(<SignOutListener tokens={tokens} leave={leave} />);
  return { seen, unmount: view.unmount };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("signing out in one tab", () => {
  it("makes every other tab drop its API token and go to the sign-in page", async () => {
    const first = tab();
    const second = tab();

    announceSignOut();

    await waitFor(() =>
      expect([first.seen, second.seen]).toEqual([
        { cleared: 1, left: 1 },
        { cleared: 1, left: 1 },
      ]),
    );
  });

  it("ignores other messages on the channel", async () => {
    const open = tab();
    const stranger = new BroadcastChannel("taskline-session");
    stranger.postMessage({ type: "signed-in" });
    stranger.postMessage("signed-out");
    stranger.close();

    await pause(100);
    expect(open.seen).toEqual({ cleared: 0, left: 0 });
  });

  it("a tab that was closed hears nothing", async () => {
    const closed = tab();
    closed.unmount();

    announceSignOut();

    await pause(100);
    expect(closed.seen).toEqual({ cleared: 0, left: 0 });
  });
});
