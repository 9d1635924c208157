"use client";

import { createContext, useContext, useId } from "react";

const FieldScopeContext = createContext<string | null>(null);

/** A form field's element id inside a scope: the id its error summary links to. */
export function fieldIdIn(scope: string, name: string): string {
  return `${scope}-${name}`;
}

/**
 * One form's id prefix. A page can hold two forms with the same field names (a refund and an
 * external refund), so ids need a per-form part; sharing it lets the form's error summary link to
 * each field's real id, which a bare "#name" never matched.
 */
export function FieldScope({ children }: { children: React.ReactNode }) {
  const scope = `form${useId().replace(/[^\w-]/g, "")}`;
  return <FieldScopeContext.Provider value={scope}>{children}</FieldScopeContext.Provider>;
}

/** The scope of the enclosing form, or null outside one. */
export function useFieldScope(): string | null {
  return useContext(FieldScopeContext);
}
