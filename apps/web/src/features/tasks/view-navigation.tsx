"use client";

import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import {
  type SortPreferences,
  viewSortKey,
  withSortPreference,
  writeSortCookie,
} from "./sort-preference";
import { placeFromLocation, placeUrl, type TaskPlace } from "./task-place";
import { DEFAULT_SORT, type SortKey } from "./task-sort";
import { type TaskView, viewPath } from "./task-views";

interface ViewNavigation {
  view: TaskView;
  /** The search shown instead of the view, if any. */
  search: string | null;
  /** The view's order: the address's `?sort=`, else the one last chosen for it, else the default. */
  sort: SortKey;
  /** Show `view` and put it in the address bar (a new history entry); it leaves any search. */
  navigate(view: TaskView): void;
  /** Put `view` in place of the one on screen, which no longer exists (a renamed label). */
  replaceView(view: TaskView): void;
  /**
   * Show the results for `search` (null: leave the search). Starting or leaving a search is a
   * history entry; refining it replaces the entry, so Back returns to where the search began.
   */
  setSearch(search: string | null): void;
  /** Show the view in `sort`, in the address (`?sort=`) and remembered for the view. */
  setSort(sort: SortKey): void;
  /** The order `view` opens in from a link: the one last chosen for it, else the default. */
  sortFor(view: TaskView): SortKey;
}

const NavigationContext = createContext<ViewNavigation | null>(null);

/**
 * The view on screen, its search and order, kept in the URL: switching views pushes a history
 * entry without a server round trip (the lists come from the cache or the API), and back/forward
 * switch back. Each view's last order is remembered in a cookie the server reads too.
 */
export function ViewNavigationProvider({
  initial,
  initialSearch = null,
  initialSort = null,
  sortPreferences = {},
  children,
}: {
  initial: TaskView;
  initialSearch?: string | null;
  /** The order the address named (`?sort=`), if any. */
  initialSort?: SortKey | null;
  /** Each view's last order, from the cookie. */
  sortPreferences?: SortPreferences;
  children: ReactNode;
}) {
  const [place, setPlace] = useState<TaskPlace>({
    view: initial,
    search: initialSearch,
    sort: initialSearch === null ? initialSort : null,
  });
  const [remembered, setRemembered] = useState(sortPreferences);

  useEffect(() => {
    const onPopState = () => setPlace(placeFromLocation(window.location));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const go = useCallback((next: TaskPlace, how: "push" | "replace") => {
    const url = placeUrl(next);
    if (`${window.location.pathname}${window.location.search}` !== url) {
      if (how === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    setPlace(next);
  }, []);

  const navigate = useCallback(
    (view: TaskView) => go({ view, search: null, sort: null }, "push"),
    [go],
  );
  const replaceView = useCallback(
    (view: TaskView) => go({ view, search: null, sort: null }, "replace"),
    [go],
  );
  const setSearch = useCallback(
    (search: string | null) => {
      const current = placeFromLocation(window.location);
      const refining = search !== null && current.search !== null;
      go({ view: current.view, search, sort: null }, refining ? "replace" : "push");
    },
    [go],
  );
  const setSort = useCallback(
    (sort: SortKey) => {
      const current = placeFromLocation(window.location);
      go({ ...current, search: null, sort }, "replace");
      setRemembered((preferences) => {
        const next = withSortPreference(preferences, current.view, sort);
        writeSortCookie(next);
        return next;
      });
    },
    [go],
  );

  const sortFor = useCallback(
    (view: TaskView) => remembered[viewSortKey(view)] ?? DEFAULT_SORT,
    [remembered],
  );
  const sort = place.sort ?? sortFor(place.view);
  const value = useMemo(
    () => ({
      view: place.view,
      search: place.search,
      sort,
      navigate,
      replaceView,
      setSearch,
      setSort,
      sortFor,
    }),
    [place, sort, navigate, replaceView, setSearch, setSort, sortFor],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useViewNavigation(): ViewNavigation {
  const context = useContext(NavigationContext);
  if (!context) throw new Error("useViewNavigation must be used inside <ViewNavigationProvider>");
  return context;
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

type ViewLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  to: TaskView;
  /** Called after a plain click switched the view (e.g. to close the drawer). */
  onNavigate?(): void;
};

/** A real link to a view (opens in a new tab too); a plain click switches in place. */
export function ViewLink({ to, onNavigate, onClick, children, ...props }: ViewLinkProps) {
  const { navigate } = useViewNavigation();
  return (
    <a
      href={viewPath(to)}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(to);
        onNavigate?.();
      }}
    >
      {children}
    </a>
  );
}
