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
import { type TaskView, viewFromPath, viewPath, viewTitle } from "./task-views";

interface ViewNavigation {
  view: TaskView;
  /** Show `view` and put it in the address bar (a new history entry). */
  navigate(view: TaskView): void;
}

const NavigationContext = createContext<ViewNavigation | null>(null);

/**
 * The view on screen, kept in the URL: switching views pushes a history entry without a server
 * round trip (the lists come from the cache or the API), and back/forward switch back.
 */
export function ViewNavigationProvider({
  initial,
  children,
}: {
  initial: TaskView;
  children: ReactNode;
}) {
  const [view, setView] = useState(initial);

  useEffect(() => {
    const onPopState = () => setView(viewFromPath(window.location.pathname) ?? { kind: "inbox" });
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  useEffect(() => {
    document.title = `${viewTitle(view)} · Taskline`;
  }, [view]);

  const navigate = useCallback((next: TaskView) => {
    const path = viewPath(next);
    if (window.location.pathname !== path) window.history.pushState(null, "", path);
    setView(next);
  }, []);

  const value = useMemo(() => ({ view, navigate }), [view, navigate]);
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
