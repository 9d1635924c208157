import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-user";
import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getCurrentActor()) redirect("/");
  const { next } = await searchParams;
  return (
    <div className="flex min-h-screen items-center justify-center bg-zinc-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2">
          <span className="grid h-9 w-9 place-items-center rounded-lg bg-accent-600 text-sm font-bold text-white" aria-hidden>
            M
          </span>
          <span className="text-lg font-semibold text-zinc-900">MID Console</span>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-surface p-7 shadow-sm">
          <h1 className="text-base font-semibold text-zinc-900">Sign in</h1>
          <p className="mb-5 mt-1 text-sm text-muted">Manage your Amazon Pay merchant accounts.</p>
          <LoginForm next={typeof next === "string" ? next : "/"} />
        </div>
      </div>
    </div>
  );
}
