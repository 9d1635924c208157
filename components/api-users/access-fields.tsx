import { API_ENDPOINTS } from "@/lib/api-users/api-endpoints";

/** Endpoint checkboxes and the IP allow-list, shared by the create and edit forms. */
export function AccessFields({ endpoints, ips, errors }: { endpoints: string[]; ips: string[]; errors: Record<string, string> }) {
  return (
    <>
      <fieldset aria-describedby={errors.endpoints ? "endpoints-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Allowed endpoints</legend>
        {/* Two columns only where the form itself is wide: it sits in a narrow side card on a desktop. */}
        <div className="@container">
          <div className="grid gap-2 @md:grid-cols-2">
            {API_ENDPOINTS.map((e) => (
              <label key={e.id} className="flex min-w-0 items-start gap-2 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  name="endpoints"
                  value={e.id}
                  defaultChecked={endpoints.includes(e.id)}
                  className="mt-0.5 h-4 w-4 shrink-0 rounded border-zinc-300 text-accent-700"
                />
                <span className="min-w-0">
                  {e.label} <span className="block break-all font-mono text-xs text-muted">{e.path}</span>
                </span>
              </label>
            ))}
          </div>
        </div>
        {errors.endpoints && (
          <p id="endpoints-error" className="mt-1 text-xs font-medium text-red-700" data-field-error="endpoints">
            {errors.endpoints}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="allowed_ips" className="mb-1 block text-sm font-medium text-zinc-800">
          Allowed IP addresses
        </label>
        <textarea
          id="allowed_ips"
          name="allowed_ips"
          rows={3}
          defaultValue={ips.join("\n")}
          placeholder={"203.0.113.10\n198.51.100.0/24"}
          aria-invalid={errors.allowed_ips ? true : undefined}
          aria-describedby="allowed_ips-help"
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
        />
        <p
          id="allowed_ips-help"
          className={errors.allowed_ips ? "mt-1 text-xs font-medium text-red-700" : "mt-1 text-xs text-muted"}
          data-field-error={errors.allowed_ips ? "allowed_ips" : undefined}
        >
          {errors.allowed_ips ?? "One address or CIDR range per line. Leave empty to allow any address."}
        </p>
      </div>
    </>
  );
}
