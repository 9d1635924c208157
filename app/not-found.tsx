import { LinkButton } from "@/components/ui/button";

export const metadata = { title: "Not found" };

/** Our own 404 (Next's built-in one uses inline styles, which the Content-Security-Policy blocks). */
export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-20">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-accent-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-zinc-900">There is nothing at this address</h1>
        <p className="mt-2 text-sm text-zinc-500">The link may be out of date, or the order, MID or campaign it named does not exist.</p>
        <LinkButton href="/" variant="secondary" className="mt-6">
          Back to overview
        </LinkButton>
      </div>
    </div>
  );
}
