import { requirePageActor } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/auth";
import { Sidebar } from "@/components/shell/sidebar";
import { Topbar } from "@/components/shell/topbar";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 bg-zinc-900 md:block">
        <Sidebar role={actor.role} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <Topbar actor={actor} signOutAction={signOutAction} />
        <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
