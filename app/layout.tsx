import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MID Console", template: "%s · MID Console" },
  description: "Run your Amazon Pay merchant accounts.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
