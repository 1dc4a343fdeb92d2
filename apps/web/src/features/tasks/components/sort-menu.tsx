"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { isSortKey, SORT_KEYS, sortLabel } from "../task-sort";
import { useViewNavigation } from "../view-navigation";

/** The order of the view on screen; the choice goes in the address and is remembered for the view. */
export function SortMenu() {
  const { sort, setSort } = useViewNavigation();
  const id = useId();
  return (
    <div className="flex shrink-0 items-center gap-2">
      {/* On phones the chosen order reads for itself: the label is for screen readers. */}
      <label htmlFor={id} className="sr-only text-sm text-muted-foreground sm:not-sr-only">
        Sort by
      </label>
      <select
        id={id}
        value={sort}
        className={cn(fieldClassName, "h-9 w-auto py-1.5 pr-8")}
        onChange={(event) => {
          if (isSortKey(event.target.value)) setSort(event.target.value);
        }}
      >
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {sortLabel(key)}
          </option>
        ))}
      </select>
    </div>
  );
}
