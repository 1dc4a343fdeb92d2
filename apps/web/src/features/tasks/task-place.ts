import { SEARCH_MAX } from "./search-highlight";
import { isSortKey, type SortKey } from "./task-sort";
import { type TaskView, viewFromPath, viewPath } from "./task-views";

/**
 * Where the user is, as the address says: a view (the path), a search (`?q=`) and an order chosen
 * in this address (`?sort=`; without it the view's remembered order applies).
 */
export interface TaskPlace {
  view: TaskView;
  search: string | null;
  sort: SortKey | null;
}

/** A search as the API takes it (1–200 characters once trimmed); null for none. */
export function searchFrom(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const search = value.trim();
  return search === "" ? null : [...search].slice(0, SEARCH_MAX).join("");
}

export const sortFrom = (value: unknown): SortKey | null => (isSortKey(value) ? value : null);

/** The place a URL's query names, on `view`. */
export function placeFromQuery(
  view: TaskView,
  query: { get(name: string): string | null | undefined },
): TaskPlace {
  const search = searchFrom(query.get("q"));
  return { view, search, sort: search === null ? sortFrom(query.get("sort")) : null };
}

/** The place of the browser's current address (Inbox when the path is no view). */
export function placeFromLocation(location: Pick<Location, "pathname" | "search">): TaskPlace {
  const view = viewFromPath(location.pathname) ?? { kind: "inbox" };
  return placeFromQuery(view, new URLSearchParams(location.search));
}

/** The address of a place: `/tasks/today?sort=priority`, `/tasks?q=groceries`. */
export function placeUrl(place: TaskPlace): string {
  const query = new URLSearchParams();
  if (place.search !== null) query.set("q", place.search);
  else if (place.sort !== null) query.set("sort", place.sort);
  const text = query.toString();
  return text ? `${viewPath(place.view)}?${text}` : viewPath(place.view);
}
