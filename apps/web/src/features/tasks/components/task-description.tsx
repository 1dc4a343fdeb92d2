"use client";

import { Suspense, useEffect, useId, useRef, useState } from "react";
import { lazyPart } from "@/components/lazy-part";
import { HighlightedText } from "./highlighted-text";

/**
 * The Markdown parser is most of the screen's code and only descriptions need it: the browser
 * loads it with the first one, keeping the server's HTML on screen meanwhile.
 */
const MarkdownText = lazyPart(
  () => import("./markdown-text"),
  (module) => module.MarkdownText,
);

// The server loads it at once, so its HTML has the Markdown and never a placeholder.
if (typeof window === "undefined") void MarkdownText.preload();

/** Longer than about three lines of a row: collapsed behind "Show more". */
const COLLAPSE_AFTER_CHARACTERS = 200;
const COLLAPSE_AFTER_LINES = 3;

function isLong(text: string): boolean {
  return text.length > COLLAPSE_AFTER_CHARACTERS || text.split("\n").length > COLLAPSE_AFTER_LINES;
}

/**
 * A task's description under its title: basic Markdown (never raw HTML) with its web addresses
 * as links, or, while searching, the plain text with the matches marked. A long one shows its
 * first lines until "Show more".
 */
export function TaskDescription({ text, query }: { text: string; query: string | null }) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const long = isLong(text);
  const collapsed = long && !expanded;
  const textRef = useRef<HTMLDivElement>(null);
  // A link hidden below the fold gets keyboard focus: show it all, so the focus is seen.
  useEffect(() => {
    const element = textRef.current;
    if (!element || !collapsed) return;
    const unfold = () => setExpanded(true);
    element.addEventListener("focusin", unfold);
    return () => element.removeEventListener("focusin", unfold);
  }, [collapsed]);
  return (
    <div className="mt-1 text-sm text-muted-foreground">
      <div
        id={id}
        ref={textRef}
        className={`space-y-1 wrap-anywhere ${collapsed ? "max-h-[3.75rem] overflow-hidden" : ""}`}
      >
        {query ? (
          <p className="whitespace-pre-wrap">
            <HighlightedText text={text} query={query} />
          </p>
        ) : (
          <Suspense
            fallback={
              <p className="whitespace-pre-wrap" data-markdown-pending="">
                {text}
              </p>
            }
          >
            <MarkdownText text={text} />
          </Suspense>
        )}
      </div>
      {long ? (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
          className="mt-0.5 rounded text-xs font-medium text-foreground underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
        >
          {expanded ? "Show less" : "Show more"}
        </button>
      ) : null}
    </div>
  );
}
