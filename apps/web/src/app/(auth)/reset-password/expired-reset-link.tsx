import { AuthMessage } from "../_components/auth-form";
import { AuthLink } from "../_components/auth-link";

/** What a used, expired or made-up reset link leads to. */
export function ExpiredResetLink() {
  return (
    <AuthMessage title="This link no longer works">
      <p role="alert" className="text-sm">
        This link has expired or was already used. A reset link works once, within an hour.
      </p>
      <p className="text-sm">
        <AuthLink href="/forgot-password">Ask for a new link</AuthLink>
      </p>{" "}
    </AuthMessage>
  );
}
