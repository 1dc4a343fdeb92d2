import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { announceSignOut } from "@/lib/sign-out-broadcast";
import { SESSION_CHECK_ATTRIBUTE, SignOutListener } from "./sign-out-listener";

/** A tab of the app: its token source and where it went; `session`: what a session check finds. */
function tab(hasSession: () => Promise<boolean> = async () => true) {
  const seen = { cleared: 0, left: 0 };
  const tokens = {
    clear: () => {
      seen.cleared += 1;
    },
  };
  const leave = () => {
    seen.left += 1;
  };
  const view = render(<SignOutListener tokens={tokens} leave={leave} hasSession={hasSession} />);
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

/** The browser puts the page in the back/forward cache, then brings it back. */
function leaveAndComeBack() {
  window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true }));
  const hiddenMeanwhile = document.documentElement.hasAttribute(SESSION_CHECK_ATTRIBUTE);
  window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }));
  return hiddenMeanwhile;
}

describe("a page restored from the back/forward cache", () => {
  it("after the session ended, stays hidden, drops its token and goes to sign-in", async () => {
    const restored = tab(async () => false);

    const hiddenMeanwhile = leaveAndComeBack();

    await waitFor(() => expect(restored.seen).toEqual({ cleared: 1, left: 1 }));
    expect([
      hiddenMeanwhile,
      document.documentElement.hasAttribute(SESSION_CHECK_ATTRIBUTE),
    ]).toEqual([true, true]);
    restored.unmount();
    document.documentElement.removeAttribute(SESSION_CHECK_ATTRIBUTE);
  });

  it("with the session still on, shows itself again and stays", async () => {
    const restored = tab(async () => true);

    const hiddenMeanwhile = leaveAndComeBack();

    await waitFor(() =>
      expect(document.documentElement.hasAttribute(SESSION_CHECK_ATTRIBUTE)).toBe(false),
    );
    expect([hiddenMeanwhile, restored.seen]).toEqual([true, { cleared: 0, left: 0 }]);
    restored.unmount();
  });

  it("a page loaded afresh (not from the cache) checks nothing", async () => {
    let checks = 0;
    const fresh = tab(async () => {
      checks += 1;
      return true;
    });
    window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: false }));

    await pause(50);
    expect([checks, fresh.seen]).toEqual([0, { cleared: 0, left: 0 }]);
    fresh.unmount();
  });
});
