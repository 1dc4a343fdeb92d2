import type { ComponentProps, ReactNode } from "react";

type AuthFieldProps = ComponentProps<"input"> & {
  label: string;
  hint?: string;
  /** This field's own error, shown under it and marking only this field invalid. */
  error?: string | null | undefined;
  /** A control drawn inside the field's right edge (the password's Show button). */
  action?: ReactNode;
};

/** A labelled input for the auth forms. */
export function AuthField({ label, hint, error, action, id, name, ...input }: AuthFieldProps) {
  const inputId = id ?? name;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <input
          id={inputId}
          name={name}
          aria-describedby={describedBy}
          className={`block h-10 w-full rounded-md border border-input bg-background px-3 text-base shadow-xs outline-none transition-colors placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 aria-invalid:border-destructive disabled:opacity-60 sm:text-sm ${action ? "pr-12" : ""}`}
          {...input}
          {...(error ? { "aria-invalid": true } : {})}
        />
        {action ? (
          <div className="absolute inset-y-0 right-1 flex items-center">{action}</div>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
