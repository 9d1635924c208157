import { cookies } from "next/headers";
import { requirePageActor } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/auth";
import { Sidebar } from "@/components/shell/sidebar";
import { Topbar } from "@/components/shell/topbar";
import { NavDrawerProvider, NavPanel } from "@/components/shell/nav-drawer";
import { PendingContent } from "@/components/shell/pending-content";
import { THEME_COOKIE, readTheme } from "@/components/shell/theme";
import { ToastProvider } from "@/components/ui/toast";
import { ConfirmProvider } from "@/components/ui/confirm-dialog";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const theme = readTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <ToastProvider>
      <ConfirmProvider>
        <NavDrawerProvider>
          <a
            href="#main"
            className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium text-fg shadow-lg ring-1 ring-line focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[70]"
          >
            Skip to content
          </a>
          <div className="flex min-h-screen">
            <NavPanel>
              <Sidebar role={actor.role} />
            </NavPanel>
            <div className="flex min-w-0 flex-1 flex-col">
              <Topbar actor={actor} theme={theme} signOutAction={signOutAction} />
              <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
                <PendingContent>{children}</PendingContent>
              </main>
            </div>
          </div>
        </NavDrawerProvider>
      </ConfirmProvider>
    </ToastProvider>
  );
}
