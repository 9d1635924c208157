"use client";

import "./globals.css";

/** The last resort when the root layout itself fails: a plain page with its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-canvas px-4 font-sans text-fg">
        <main className="max-w-md text-center">
          <p className="text-sm font-semibold text-accent-700">MID Console</p>
          <h1 className="mt-2 text-2xl font-semibold">MID Console could not load</h1>
          <p className="mt-2 text-sm text-muted">
            Something went wrong on our side. Try again in a moment.
            {error.digest && <span className="mt-2 block font-mono text-xs">Reference: {error.digest}</span>}
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 inline-flex h-9 items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-hover"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
