"use client";

import { useEffect, useId, useRef, useState } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { HighlightedText } from "./highlighted-text";

/** Longer than about three lines of a row: collapsed behind "Show more". */
const COLLAPSE_AFTER_CHARACTERS = 200;
const COLLAPSE_AFTER_LINES = 3;

/** The Markdown a description may use; anything else is shown as its text. */
const ALLOWED_ELEMENTS = ["p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "code"];

const SAFE_PROTOCOL = /^(https?|mailto):/i;

/** Only web and mail links; any other address (javascript:, data:, relative) is dropped. */
export function safeLinkUrl(url: string): string | null {
  return SAFE_PROTOCOL.test(url.trim()) ? url : null;
}

const components: Components = {
  p: ({ children }) => <p className="whitespace-pre-wrap">{children}</p>,
  ul: ({ children }) => <ul className="list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal pl-5">{children}</ol>,
  code: ({ children }) => (
    <code className="rounded bg-muted px-1 font-mono text-[0.85em]">{children}</code>
  ),
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="text-primary underline underline-offset-2 hover:no-underline"
      >
        {children}
      </a>
    ) : (
      children
    ),
};

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
        className={`space-y-1 break-words ${collapsed ? "max-h-[3.75rem] overflow-hidden" : ""}`}
      >
        {query ? (
          <p className="whitespace-pre-wrap">
            <HighlightedText text={text} query={query} />
          </p>
        ) : (
          <Markdown
            remarkPlugins={[remarkGfm]}
            skipHtml
            allowedElements={ALLOWED_ELEMENTS}
            unwrapDisallowed
            urlTransform={safeLinkUrl}
            components={components}
          >
            {text}
          </Markdown>
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
