import { ArrowDownLeft, Ban, CircleDollarSign, MessageSquare, ShoppingCart, UserCog } from "lucide-react";
import type { TimelineEvent } from "@/lib/orders/order-timeline";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/badge";

function EventIcon({ event }: { event: TimelineEvent }) {
  const className = "size-4";
  if (event.kind === "note") return <MessageSquare aria-hidden className={className} />;
  if (event.kind === "placed") return <ShoppingCart aria-hidden className={className} />;
  if (event.kind === "action")
    return event.title.toLowerCase().includes("cancel") ? <Ban aria-hidden className={className} /> : <UserCog aria-hidden className={className} />;
  return event.title.startsWith("Refund") ? <ArrowDownLeft aria-hidden className={className} /> : <CircleDollarSign aria-hidden className={className} />;
}

/** The order's activity, newest first: one line per event, who and why beneath it. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="space-y-4" aria-label="Order activity">
      {events.map((event) => (
        <li key={event.key} className="flex gap-3" data-testid="timeline-event">
          <span
            className={`mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full ${event.kind === "note" ? "bg-amber-50 text-amber-800" : "bg-zinc-100 text-zinc-600"}`}
          >
            <EventIcon event={event} />
          </span>
          <div className="min-w-0 flex-1 text-sm">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-zinc-900">{event.title}</span>
              {event.status && event.kind === "transaction" && <StatusBadge status={event.status} />}
              <span className="text-xs text-muted">
                <LocalTime ms={event.at} />
              </span>
            </p>
            {event.kind === "note" ? (
              <p className="mt-1 whitespace-pre-wrap break-words rounded-md bg-amber-50/60 px-3 py-2 text-zinc-800">{event.detail}</p>
            ) : (
              event.detail && <p className="mt-0.5 break-all font-mono text-xs text-muted">{event.detail}</p>
            )}
            {(event.who || event.why) && (
              <p className="mt-0.5 text-xs text-zinc-600">
                {event.who && <>by {event.who}</>}
                {event.who && event.why && " · "}
                {event.why && <>reason: “{event.why}”</>}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
