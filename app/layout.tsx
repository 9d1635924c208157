import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MID Console", template: "%s · MID Console" },
  description: "Run your Amazon Pay merchant accounts.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: Next.js can only put this request's CSP nonce on
  // the scripts of a page it renders now (a prerendered 404 would carry scripts without one).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
