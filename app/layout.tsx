import type { Metadata } from "next";
import localFont from "next/font/local";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { NavigationProvider } from "@/components/shell/navigation-progress";
import { THEME_COOKIE, readTheme } from "@/components/shell/theme";
import "./globals.css";

// Self-hosted from the npm package: builds need no network and pages load no third-party font.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  variable: "--font-inter",
});

export const metadata: Metadata = {
  title: { default: "MID Console", template: "%s · MID Console" },
  description: "Run your Amazon Pay merchant accounts.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: Next.js can only put this request's CSP nonce on
  // the scripts of a page it renders now (a prerendered 404 would carry scripts without one).
  await connection();
  // The chosen scheme is written on <html> by the server, so the first paint already has it.
  const theme = readTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={inter.variable} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen font-sans">
        <NavigationProvider>{children}</NavigationProvider>
      </body>
    </html>
  );
}
