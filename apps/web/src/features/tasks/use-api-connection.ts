"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { isUnreachable } from "@/lib/api-error";
import { useFeedbackState } from "./task-feedback";
import { useApi } from "./tasks-provider";

/** Waits between probes while the API cannot be reached: doubling from 1 s up to this. */
export const PROBE_MAX_DELAY_MS = 15_000;
const PROBE_FIRST_DELAY_MS = 1_000;

type Outcome = { type: string; error?: unknown };

/** What a finished attempt of a query or mutation says about reaching the API, if anything. */
function reachedBy(action: Outcome): boolean | undefined {
  if (action.type === "success") return true;
  if ((action.type === "failed" || action.type === "error") && isUnreachable(action.error)) {
    return false;
  }
  return undefined;
}

/**
 * Whether the API can be reached, as this screen's own requests tell (any answer, or a failure
 * to get one) and the browser's online/offline events. While it cannot, the API's `/health` is
 * asked with backoff; once anything gets an answer again, a failure banner about reaching the
 * API goes and what failed on screen is fetched again (no Retry needed).
 */
export function useApiConnection(): { offline: boolean } {
  const client = useQueryClient();
  const api = useApi();
  const { clearUnreachableFailure } = useFeedbackState();
  const [unreachable, setUnreachable] = useState(false);
  const [browserOffline, setBrowserOffline] = useState(false);
  const current = useRef(false);

  const lost = useCallback(() => {
    current.current = true;
    setUnreachable(true);
  }, []);

  const reached = useCallback(() => {
    if (!current.current) return;
    current.current = false;
    setUnreachable(false);
    clearUnreachableFailure();
    void client.refetchQueries({
      type: "active",
      predicate: (query) => query.state.status === "error",
    });
  }, [client, clearUnreachableFailure]);

  useEffect(() => {
    const record = (action: Outcome) => {
      const answered = reachedBy(action);
      if (answered === true) reached();
      else if (answered === false) lost();
    };
    const stopQueries = client.getQueryCache().subscribe((event) => {
      if (event.type === "updated") record(event.action);
    });
    const stopMutations = client.getMutationCache().subscribe((event) => {
      if (event?.type === "updated") record(event.action);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [client, reached, lost]);

  useEffect(() => {
    const update = () => setBrowserOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    if (!unreachable || browserOffline) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = PROBE_FIRST_DELAY_MS;
    let stopped = false;
    const probe = async () => {
      const answered = await api.GET("/health").then(
        ({ response }) => ![502, 503, 504].includes(response.status),
        () => false,
      );
      if (stopped) return;
      if (answered) {
        reached();
        void client.invalidateQueries();
        return;
      }
      delay = Math.min(delay * 2, PROBE_MAX_DELAY_MS);
      timer = setTimeout(() => void probe(), delay);
    };
    timer = setTimeout(() => void probe(), delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [unreachable, browserOffline, api, client, reached]);

  return { offline: unreachable || browserOffline };
}
