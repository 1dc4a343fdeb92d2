"use client";

import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

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

/** A description's text as basic Markdown: no raw HTML, no images, only safe links. */
export function MarkdownText({ text }: { text: string }) {
  return (
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
  );
}
