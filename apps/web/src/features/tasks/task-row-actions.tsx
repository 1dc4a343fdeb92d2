"use client";

import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useState,
} from "react";
import type { Priority } from "./task-api";

/** What the keyboard shortcuts can do to the task whose row has focus. */
export interface RowActions {
  toggleCompleted(): void;
  edit(): void;
  remove(): void;
  setPriority(priority: Priority): void;
  /** Due `days` after today (0: today), in the user's zone, at the time it had. */
  dueInDays(days: number): void;
}

type Registry = Map<string, RefObject<RowActions | null>>;

const RegistryContext = createContext<Registry | null>(null);

/** Rows register their actions here, by task id, for the shortcuts to find. */
export function RowActionsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => new Map());
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** The actions of the row showing task `id`, if it is on screen. */
export function useRowActions(): (id: string) => RowActions | null {
  const registry = useContext(RegistryContext);
  return useCallback((id) => registry?.get(id)?.current ?? null, [registry]);
}

/** Offer `actions` (kept current by the row) for task `id` while the row is on screen. */
export function useRegisterRowActions(id: string, actions: RefObject<RowActions | null>): void {
  const registry = useContext(RegistryContext);
  useEffect(() => {
    if (!registry) return undefined;
    registry.set(id, actions);
    return () => {
      if (registry.get(id) === actions) registry.delete(id);
    };
  }, [registry, id, actions]);
}
