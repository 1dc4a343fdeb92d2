import type { ComponentProps } from "react";
import { cn } from "./cn";
import { fieldClassName } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClassName, "min-h-10 resize-y", className)} {...props} />;
}
