import type { Metadata } from "next";
import { redirectSignedIn } from "../_components/redirect-signed-in";
import { TwoFactorForm } from "./two-factor-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The second step of signing in, reached from the sign-in form after the right password. */
export default async function TwoFactorPage() {
  await redirectSignedIn();
  return <TwoFactorForm />;
}
