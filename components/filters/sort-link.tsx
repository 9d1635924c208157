import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

/**
 * A column header that sorts the list: the first click sorts high to low (newest, largest), the
 * next one flips it. The sort lives in the URL like the filters.
 */
export function SortLink({ label, href, state }: { label: string; href: string; state: "ascending" | "descending" | "none" }) {
  const Icon = state === "ascending" ? ArrowUp : state === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <Link href={href} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900">
      {label}
      <Icon className={state === "none" ? "size-3 opacity-50" : "size-3"} aria-hidden />
      <span className="sr-only">{state === "none" ? ", sort" : state === "descending" ? ", sorted high to low" : ", sorted low to high"}</span>
    </Link>
  );
}
