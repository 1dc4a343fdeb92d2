"use client";

import type { ComponentProps } from "react";
import { Toaster as Sonner } from "sonner";

/** The app's toaster: follows the system's light/dark theme, toasts at the bottom. */
export function Toaster(props: ComponentProps<typeof Sonner>) {
  return (
    <Sonner
      theme="system"
      position="bottom-center"
      closeButton
      toastOptions={{
        classNames: {
          actionButton: "focus-visible:outline-2 focus-visible:outline-offset-2",
          closeButton: "focus-visible:outline-2 focus-visible:outline-offset-2",
        },
      }}
      {...props}
    />
  );
}
