import type { LucideIcon } from "lucide-react";

/** The 403, 404 and error screens: what happened, in a sentence, and where to go next. */
export function StatusPage({
  code,
  icon: Icon,
  title,
  description,
  children,
}: {
  code: string;
  icon: LucideIcon;
  title: string;
  description: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div className="max-w-md text-center">
        <span className="mx-auto grid h-12 w-12 place-items-center rounded-full bg-accent-50 text-accent-700" aria-hidden>
          <Icon className="h-6 w-6" />
        </span>
        <p className="mt-4 text-sm font-semibold text-accent-700">{code}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        <p className="mt-2 text-sm text-muted">{description}</p>
        {children && <div className="mt-6 flex flex-wrap justify-center gap-2">{children}</div>}
      </div>
    </div>
  );
}
