import { requirePageActor } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/auth";
import { Sidebar } from "@/components/shell/sidebar";
import { Topbar } from "@/components/shell/topbar";
import { CompactNav } from "@/components/shell/compact-nav";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 bg-zinc-900 md:block">
        <div className="sticky top-0 h-screen overflow-y-auto">
          <Sidebar role={actor.role} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <CompactNav role={actor.role} />
        <Topbar actor={actor} signOutAction={signOutAction} />
        <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
