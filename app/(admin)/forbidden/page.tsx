import { LinkButton } from "@/components/ui/button";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md py-20 text-center">
      <p className="text-sm font-semibold text-accent-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">You don&apos;t have access to that page</h1>
      <p className="mt-2 text-sm text-zinc-500">Your role does not include this part of MID Console. Ask an admin if you need it.</p>
      <LinkButton href="/" variant="secondary" className="mt-6">
        Back to overview
      </LinkButton>
    </div>
  );
}
