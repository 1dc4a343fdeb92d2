"use client";

import { useRef, useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { Input } from "@/components/ui/input";
import { SEARCH_MAX } from "../search-highlight";
import { SEARCH_INPUT_ID } from "../task-focus";
import { searchFrom } from "../task-place";
import { ariaKeyShortcuts } from "../task-shortcuts";
import { useViewNavigation } from "../view-navigation";

/** How long typing must pause before the results follow. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The header's search box: results follow the typing (after a short pause), the search is in the
 * address (`?q=`), and Escape clears it and returns to the view.
 */
export function TaskSearchField() {
  const { search, setSearch } = useViewNavigation();
  const [text, setText] = useState(search ?? "");
  const [shown, setShown] = useState(search);
  /** The last search this box asked for: its own results must not rewrite what is being typed. */
  const asked = useRef(search);
  if (search !== shown) {
    // The address changed elsewhere (back, forward, a view opened): show its search.
    setShown(search);
    if (search !== asked.current) setText(search ?? "");
    asked.current = search;
  }

  const ask = (value: string) => {
    const next = searchFrom(value);
    asked.current = next;
    if (next !== search) setSearch(next);
  };
  const debounced = useDebouncedCallback(ask, SEARCH_DEBOUNCE_MS);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers still in use
    <div role="search" className="min-w-0 flex-1 sm:max-w-xs">
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search tasks
      </label>
      <Input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        placeholder="Search   /"
        autoComplete="off"
        maxLength={SEARCH_MAX}
        aria-keyshortcuts={ariaKeyShortcuts("search")}
        className="h-9"
        onChange={(event) => {
          setText(event.target.value);
          debounced(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            debounced.flush();
          } else if (event.key === "Escape") {
            event.preventDefault();
            debounced.cancel();
            setText("");
            ask("");
          }
        }}
      />
    </div>
  );
}
