import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { RememberTimeZone } from "@/components/remember-time-zone";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Taskline", template: "%s · Taskline" },
  description: "A fast, simple task manager.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#14161c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next.js can put the CSP nonce (src/proxy.ts) on its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <RememberTimeZone />
        {children}
      </body>
    </html>
  );
}
