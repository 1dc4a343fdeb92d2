"use client";

import { type ComponentProps, useState } from "react";
import { AuthField } from "./auth-field";

type PasswordFieldProps = Omit<ComponentProps<typeof AuthField>, "type" | "action">;

/** A password input with a Show password toggle, so a long password can be checked before sending. */
export function PasswordField(props: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <AuthField
      {...props}
      type={shown ? "text" : "password"}
      action={
        <button
          type="button"
          aria-pressed={shown}
          aria-controls={props.id ?? props.name}
          onClick={() => setShown((value) => !value)}
          className="rounded p-2 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
        >
          <EyeIcon crossed={shown} />
          {/* Text rather than aria-label: the field's own label stays the only one saying "password". */}
          <span className="sr-only">Show password</span>
        </button>
      }
    />
  );
}

/** An eye, struck through while the password is shown (pressing again hides it). */
function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
      <circle cx="12" cy="12" r="3" />
      {crossed ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}
