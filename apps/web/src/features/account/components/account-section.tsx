import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";

/** One titled part of the account page. */
export function AccountSection({
  id,
  title,
  description,
  danger = false,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        "space-y-4 rounded-xl border bg-card p-5 text-card-foreground shadow-sm sm:p-6",
        danger && "border-destructive/50",
      )}
    >
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A labelled input of the account forms. */
export function AccountField({
  label,
  id,
  ...input
}: ComponentProps<"input"> & { label: string; id: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Input id={id} {...input} />
    </div>
  );
}

/** An action's failure, announced as it appears. */
export function ActionError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
    >
      {message}
    </p>
  );
}

/** An action's success, announced politely. */
export function ActionNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm"
    >
      {message}
    </p>
  );
}
