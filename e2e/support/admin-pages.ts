import fs from "node:fs";
import path from "node:path";

const ADMIN_DIR = path.join("app", "(admin)");

/** Every screen under app/(admin) as its route pattern ("/orders/[id]"), read from the files, so a new page cannot be missed. */
export function listAdminPageRoutes(dir = ADMIN_DIR): string[] {
  const routes: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...listAdminPageRoutes(full));
    else if (entry.name === "page.tsx") routes.push(`/${path.relative(ADMIN_DIR, dir).split(path.sep).filter(Boolean).join("/")}`);
  }
  return routes.sort();
}
