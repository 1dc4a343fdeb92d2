import type { Metadata } from "next";
import { redirectSignedIn } from "../_components/redirect-signed-in";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  await redirectSignedIn();
  return <SignUpForm />;
}
