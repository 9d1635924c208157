import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { readSearchParams, searchParamsOf, type SearchReader } from "./read-search-params";

/**
 * A list's CSV export route: authorizes, reads the page's filter from the URL (a value that
 * breaks its rule is a 400 naming it, and nothing is exported), then streams the file.
 */
export async function respondCsvExport<F>(
  request: Request,
  permission: Permission,
  readFilter: (values: SearchReader) => F,
  exportCsv: (actor: Actor, filter: F) => Promise<{ body: ReadableStream<Uint8Array>; fileName: string }>,
): Promise<Response> {
  let actor;
  try {
    actor = await requireActionActor(permission);
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
  const urlValues = readSearchParams(searchParamsOf(request.url));
  const filter = readFilter(urlValues);
  if (urlValues.ignored.length > 0) {
    const problems = urlValues.ignored.map((param) => `${param.name}: ${param.rule}.`).join("\n");
    return new Response(`Nothing was exported; fix the filter and try again.\n${problems}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { body, fileName } = await exportCsv(actor, filter);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
}
