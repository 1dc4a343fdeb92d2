import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_PUBLIC_KEY } from "@/features/tasks/test/fake-push-routes";
import { setUpFakeTaskApi } from "@/features/tasks/test/render-with-session";
import { forgetBrowserOnSignOut } from "../push-subscription";
import { RemindersToggle } from "./reminders-toggle";

const fake = setUpFakeTaskApi("push");

/**
 * jsdom has no push: a stand-in for the browser's Notification, service worker container and
 * push manager, recording what the page asked of them.
 */
function installPush(options: {
  permission: NotificationPermission;
  answer?: NotificationPermission;
  subscribed?: boolean;
}) {
  const calls = { permissionAsked: 0, registered: [] as string[], unsubscribed: 0 };
  const subscribeOptions: PushSubscriptionOptionsInit[] = [];
  let permission = options.permission;
  let subscription: PushSubscription | null = null;
  const makeSubscription = (key: ArrayBuffer | null) =>
    ({
      endpoint: "https://push.example.test/browser-1",
      options: { applicationServerKey: key, userVisibleOnly: true },
      toJSON: () => ({
        endpoint: "https://push.example.test/browser-1",
        keys: { p256dh: "BPublicKeyOfTheBrowser", auth: "authSecret" },
      }),
      unsubscribe: async () => {
        calls.unsubscribed += 1;
        subscription = null;
        return true;
      },
    }) as unknown as PushSubscription;
  if (options.subscribed) {
    subscription = makeSubscription(
      new Uint8Array(Buffer.from(FAKE_PUBLIC_KEY, "base64url")).buffer,
    );
  }
  const pushManager = {
    getSubscription: async () => subscription,
    subscribe: async (init: PushSubscriptionOptionsInit) => {
      subscribeOptions.push(init);
      const key = init.applicationServerKey as Uint8Array;
      subscription = makeSubscription(key.slice().buffer);
      return subscription;
    },
  };
  const registration = { pushManager } as unknown as ServiceWorkerRegistration;
  Object.assign(window, {
    PushManager: class {},
    Notification: {
      get permission() {
        return permission;
      },
      requestPermission: async () => {
        calls.permissionAsked += 1;
        permission = options.answer ?? permission;
        return permission;
      },
    },
  });
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: {
      register: async (url: string) => {
        calls.registered.push(url);
        return registration;
      },
      ready: Promise.resolve(registration),
      getRegistration: async () => registration,
    },
  });
  return { calls, subscribeOptions };
}

afterEach(() => {
  Reflect.deleteProperty(window, "PushManager");
  Reflect.deleteProperty(window, "Notification");
  Reflect.deleteProperty(navigator, "serviceWorker");
});

const pushRequests = () =>
  fake.server.received
    .filter((r) => r.userId === fake.session.userId && r.path.startsWith("/api/push/"))
    .map((r) => ({ method: r.method, path: r.path, body: r.body, status: r.status }));

/** The API told to forget this browser, and doing so. */
const FORGOTTEN = {
  method: "DELETE",
  path: "/api/push/subscriptions",
  body: { endpoint: "https://push.example.test/browser-1" },
  status: 204,
};

describe("the reminders setting", () => {
  it("asks for permission only once clicked, then subscribes and hands the subscription over", async () => {
    const push = installPush({ permission: "default", answer: "granted" });
    render(<RemindersToggle api={fake.session.api} />);

    const button = await screen.findByRole("button", { name: "Turn on reminders in this browser" });
    expect(push.calls.permissionAsked).toBe(0);
    await userEvent.click(button);

    expect(
      await screen.findByRole("button", { name: "Turn off reminders in this browser" }),
    ).toBeEnabled();
    expect(screen.getByRole("status")).toHaveTextContent("Reminders are on in this browser");
    expect(push.calls.registered).toEqual(["/sw.js"]);
    expect(push.subscribeOptions.map((init) => init.userVisibleOnly)).toEqual([true]);
    expect(pushRequests()).toEqual([
      { method: "GET", path: "/api/push/public-key", body: undefined, status: 200 },
      {
        method: "POST",
        path: "/api/push/subscriptions",
        body: {
          endpoint: "https://push.example.test/browser-1",
          keys: { p256dh: "BPublicKeyOfTheBrowser", auth: "authSecret" },
        },
        status: 201,
      },
    ]);
  });

  it("turns off: the API forgets the browser, then the browser unsubscribes", async () => {
    const push = installPush({ permission: "granted", subscribed: true });
    render(<RemindersToggle api={fake.session.api} />);

    await userEvent.click(
      await screen.findByRole("button", { name: "Turn off reminders in this browser" }),
    );

    expect(
      await screen.findByRole("button", { name: "Turn on reminders in this browser" }),
    ).toBeEnabled();
    expect(push.calls.unsubscribed).toBe(1);
    expect(pushRequests()).toEqual([FORGOTTEN]);
  });

  it("says so when the permission is refused, and subscribes nothing", async () => {
    installPush({ permission: "default", answer: "denied" });
    render(<RemindersToggle api={fake.session.api} />);

    await userEvent.click(
      await screen.findByRole("button", { name: "Turn on reminders in this browser" }),
    );

    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent(
        "This browser blocks Taskline's notifications. Allow them in the browser's site settings",
      ),
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(pushRequests()).toEqual([]);
  });

  it("says when the prompt was dismissed, and stays off", async () => {
    installPush({ permission: "default", answer: "default" });
    render(<RemindersToggle api={fake.session.api} />);

    await userEvent.click(
      await screen.findByRole("button", { name: "Turn on reminders in this browser" }),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Taskline was not allowed to show notifications, so reminders stay off.",
    );
  });

  it("puts the API's refusal in words and stays off", async () => {
    const push = installPush({ permission: "granted" });
    fake.server.refuseNext("POST", /^\/api\/push\/subscriptions$/, 503, "Service unavailable");
    render(<RemindersToggle api={fake.session.api} />);

    await userEvent.click(
      await screen.findByRole("button", { name: "Turn on reminders in this browser" }),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent("Service unavailable");
    expect(screen.getByRole("status")).toHaveTextContent("Reminders are off in this browser.");
    expect(push.calls.unsubscribed).toBe(1);
  });

  it("explains a browser without push, with nothing to press", async () => {
    render(<RemindersToggle api={fake.session.api} />);

    expect(await screen.findByRole("status")).toHaveTextContent(
      "This browser cannot show Taskline's reminders: it has no push notifications",
    );
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("signing out", () => {
  it("makes the API forget this browser and drops its subscription", async () => {
    const push = installPush({ permission: "granted", subscribed: true });

    await forgetBrowserOnSignOut(fake.session.api);

    expect(push.calls.unsubscribed).toBe(1);
    expect(pushRequests()).toEqual([FORGOTTEN]);
  });

  it("drops the subscription even when the API cannot be reached", async () => {
    const push = installPush({ permission: "granted", subscribed: true });
    fake.server.refuseNext("DELETE", /^\/api\/push\/subscriptions$/, 503, "Service unavailable");

    await forgetBrowserOnSignOut(fake.session.api);

    expect(push.calls.unsubscribed).toBe(1);
  });
});
