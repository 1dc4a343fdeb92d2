import { Fragment } from "react";
import { highlightParts } from "../search-highlight";

/**
 * `text` with the words `query` matched marked (<mark>). Rendered as text nodes, never as HTML,
 * so whatever a task says is shown as written.
 */
export function HighlightedText({ text, query }: { text: string; query: string | null }) {
  if (!query) return text;
  return highlightParts(text, query).map((part) =>
    part.match ? (
      <mark
        key={part.start}
        className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-500/40"
      >
        {part.text}
      </mark>
    ) : (
      <Fragment key={part.start}>{part.text}</Fragment>
    ),
  );
}
