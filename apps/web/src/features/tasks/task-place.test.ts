import { describe, expect, it } from "vitest";
import { placeFromLocation, placeUrl } from "./task-place";

describe("a place's address", () => {
  it.each([
    ["/tasks", { view: { kind: "inbox" }, search: null, sort: null }],
    ["/tasks/today?sort=priority", { view: { kind: "today" }, search: null, sort: "priority" }],
    ["/tasks?q=buy+milk", { view: { kind: "inbox" }, search: "buy milk", sort: null }],
    [
      "/tasks/labels/caf%C3%A9?sort=title",
      { view: { kind: "label", name: "café" }, search: null, sort: "title" },
    ],
  ])("%s ↔ %j", (url, place) => {
    const { pathname, search } = new URL(url, "http://localhost");
    expect(placeFromLocation({ pathname, search })).toEqual(place);
    expect(placeUrl(placeFromLocation({ pathname, search }))).toBe(url);
  });

  it("ignores an unknown order, an empty search, and an order beside a search", () => {
    const at = (url: string) => {
      const { pathname, search } = new URL(url, "http://localhost");
      return placeFromLocation({ pathname, search });
    };
    expect(at("/tasks?sort=random").sort).toBeNull();
    expect(at("/tasks?q=%20%20").search).toBeNull();
    expect(at("/tasks?q=milk&sort=title")).toMatchObject({ search: "milk", sort: null });
  });

  it("cuts a search to the API's 200 characters", () => {
    const { search } = placeFromLocation({ pathname: "/tasks", search: `?q=${"a".repeat(300)}` });
    expect(search).toHaveLength(200);
  });
});
