import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach } from "vitest";

afterEach(() => {
  cleanup();
});

/**
 * jsdom has no ResizeObserver; Radix's Checkbox measures itself with one when it sits in a form
 * (for its hidden native input). Nothing in these tests depends on sizes: observing does nothing.
 */
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/**
 * sonner takes a closed toast out of its list 200 ms after the close (its TIME_BEFORE_UNMOUNT), on
 * a timer that cleanup() cannot cancel. After a file's last test that timer may fire once jsdom's
 * window is gone, and React then throws while scheduling the update. Waiting a little longer than
 * that at the end of each file lets it run first: timers fire in order of their deadlines.
 */
const TOAST_UNMOUNT_MS = 200;
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, TOAST_UNMOUNT_MS + 50)));
