import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { describeError } from "@/lib/api-error";
import { AlertIcon, CheckCircleIcon } from "./icons";

// Classes, not inline styles: the Content-Security-Policy may refuse style attributes.
const WIDTHS = ["w-3/4", "w-1/2", "w-2/3", "w-2/5"];

export function TaskListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" className="divide-y rounded-xl border bg-card shadow-sm">
      <span className="sr-only">Loading your tasks…</span>
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to key on
        <div key={row} className="flex items-start gap-3 px-4 py-3.5">
          <Skeleton className="size-5 rounded-[5px]" />
          <div className="grid flex-1 gap-2">
            <Skeleton className={`h-4 ${WIDTHS[row % WIDTHS.length]}`} />
            {row % 2 === 0 ? <Skeleton className="h-3 w-2/5" /> : null}
          </div>
        </div>
      ))}
    </div>
  );
}

export interface EmptyText {
  title: string;
  body: string;
}

export function TaskListEmpty({ text }: { text: EmptyText }) {
  return (
    <div className="grid justify-items-center gap-2 rounded-xl border border-dashed px-6 py-12 text-center">
      <CheckCircleIcon className="size-10 text-muted-foreground" />
      <p className="font-medium">{text.title}</p>
      <p className="max-w-sm text-sm text-muted-foreground">{text.body}</p>
    </div>
  );
}

export function TaskListError({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry(): void;
  retrying: boolean;
}) {
  return (
    <div className="grid justify-items-center gap-3 rounded-xl border border-destructive/40 bg-destructive/5 px-6 py-10 text-center">
      <AlertIcon className="size-8 text-destructive" />
      <div role="alert" className="grid gap-1">
        <p className="font-medium">Couldn't load your tasks.</p>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      <Button variant="outline" onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}

/** What a paged list's footer needs of its infinite query. */
interface PagedQuery {
  error: unknown;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** The end of a paged list: why the next page failed, and "Load more" while pages remain. */
export function LoadMore({ query, what }: { query: PagedQuery; what: string }) {
  return (
    <>
      {query.isFetchNextPageError ? (
        <p role="alert" className="text-center text-sm text-destructive">
          Couldn't load more {what}: {describeError(query.error)}
        </p>
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={query.isFetchingNextPage}
          aria-busy={query.isFetchingNextPage || undefined}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading more…" : "Load more"}
        </Button>
      ) : null}
    </>
  );
}
