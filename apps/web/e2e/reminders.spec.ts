/// <reference path="../../api/test/support/http-ece.d.ts" />
import type { Page } from "@playwright/test";
import { PushReceiver } from "../../api/test/support/push-receiver.ts";
import { apiUrl, callApi, expect, test, webUrl } from "./fixtures";

/**
 * Reminders from the settings item to a notification. This Chromium cannot reach a push service,
 * so `pushManager.subscribe` is replaced by one that hands out a subscription of the test's own
 * loopback receiver (its keys held by the test): the API's real, encrypted push reaches the
 * receiver, which decrypts it; the plaintext then goes to the real service worker through the
 * DevTools protocol, as a push service would deliver it.
 */

type Subscription = ReturnType<PushReceiver["subscription"]>;

/** Runs in the page before its scripts: the browser's push manager, with the test's subscription. */
function replacePushManager(subscription: Subscription) {
  const STORED = "e2e-push-subscription";
  const make = (key: number[]) => ({
    endpoint: subscription.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(key).buffer },
    toJSON: () => subscription,
    unsubscribe: async () => {
      localStorage.removeItem(STORED);
      return true;
    },
  });
  PushManager.prototype.subscribe = async function subscribe(init) {
    if (init?.userVisibleOnly !== true)
      throw new DOMException("userVisibleOnly", "NotAllowedError");
    const key = Array.from(new Uint8Array(init.applicationServerKey as ArrayBuffer));
    localStorage.setItem(STORED, JSON.stringify(key));
    return make(key) as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async function getSubscription() {
    const stored = localStorage.getItem(STORED);
    return stored ? (make(JSON.parse(stored) as number[]) as unknown as PushSubscription) : null;
  };
}

/**
 * Turns reminders `to` on or off with the settings item: the status of the API's answer to the
 * page's request (`method` on the subscriptions) once the item offers the other way.
 */
async function toggle(page: Page, to: "on" | "off", method: "POST" | "DELETE") {
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === method &&
      response.url() === `${apiUrl}/api/push/subscriptions`,
  );
  await page.getByRole("button", { name: `Turn ${to} reminders in this browser` }).click();
  const status = (await answered).status();
  const back = to === "on" ? "off" : "on";
  await expect(
    page.getByRole("button", { name: `Turn ${back} reminders in this browser` }),
  ).toBeVisible();
  return status;
}

test("turning reminders on delivers a task's reminder as a notification that opens the task", async ({
  page,
  context,
  account: _signedIn,
}) => {
  const keyAnswer = await callApi(context, "GET", "/api/push/public-key");
  const { public_key: vapidKey } = (await keyAnswer.json()) as { public_key: string };
  const receiver = await new PushReceiver(vapidKey).start();
  try {
    await context.grantPermissions(["notifications"], { origin: webUrl });
    await page.addInitScript(replacePushManager, receiver.subscription("/push/e2e-browser"));

    // The worker is always checked for a new version, and may serve every page.
    const worker = await page.request.get("/sw.js");
    expect([worker.headers()["cache-control"], worker.headers()["service-worker-allowed"]]).toEqual(
      ["no-cache", "/"],
    );

    await page.goto("/account");
    expect(await toggle(page, "on", "POST")).toBe(201);
    await expect(page.getByText("Reminders are on in this browser")).toBeVisible();

    // A task whose reminder goes off in 3 seconds: the API pushes it to the receiver.
    const created = await callApi(context, "POST", "/api/tasks", {
      title: "Water the plants",
      reminders: [{ at: new Date(Date.now() + 3_000).toISOString() }],
    });
    expect(created.status()).toBe(201);
    const task = (await created.json()) as { id: string };
    const [push] = await receiver.waitFor(1, 45_000);
    expect(push?.path).toBe("/push/e2e-browser");
    expect(push?.message).toEqual({
      type: "reminder",
      task_id: task.id,
      title: "Water the plants",
      due_at: null,
      url: `${webUrl}/tasks?task=${task.id}`,
    });

    // The push service's part: the plaintext to the page's service worker.
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const ours = registrations.find(
          (registration) => registration.scopeURL === `${webUrl}/` && !registration.isDeleted,
        );
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: webUrl,
      registrationId: await registrationId,
      data: JSON.stringify(push?.message),
    });

    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const shown = await registration.getNotifications();
          return shown.map(({ title, body, tag }) => ({ title, body, tag }));
        }),
      )
      .toEqual([{ title: "Water the plants", body: "Reminder", tag: task.id }]);
    // The open tab shows it too.
    await expect(page.getByText("Reminder: Water the plants")).toBeVisible();

    // A click on the notification (dispatched in the worker: nothing clicks a system notification
    // here) takes the open tab to the task's editor.
    expect(context.serviceWorkers().map((worker) => worker.url())).toEqual([`${webUrl}/sw.js`]);
    await context.serviceWorkers()[0]?.evaluate(async () => {
      const scope = globalThis as unknown as {
        registration: ServiceWorkerRegistration;
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const [notification] = await scope.registration.getNotifications();
      if (notification === undefined) throw new Error("no notification to click");
      dispatchEvent(new scope.NotificationEvent("notificationclick", { notification }));
    });
    await expect(page.getByRole("form", { name: 'Edit "Water the plants"' })).toBeVisible();
    await expect(page).toHaveURL(`${webUrl}/tasks`);

    // Off again: the API forgets this browser.
    await page.goto("/account");
    expect(await toggle(page, "off", "DELETE")).toBe(204);
  } finally {
    await receiver.close();
  }
});
