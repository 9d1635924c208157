import Link from "next/link";
import type { OnboardingStep } from "@/lib/dashboard/load-onboarding";
import { Card } from "@/components/ui/card";

function StepAction({ step, isNext }: { step: OnboardingStep; isNext: boolean }) {
  if (!step.allowed) return <p className="mt-1 text-xs text-zinc-600">Ask {step.whoCan} to do this.</p>;
  if (!step.href) return <p className="mt-1 text-xs text-zinc-600">After the step before.</p>;
  return (
    <Link href={step.href} className="mt-1 inline-block text-xs font-medium text-accent-700 hover:underline">
      {isNext ? "Start →" : "Open →"}
    </Link>
  );
}

/** The overview's first-run guide; shown until every step is done. */
export function OnboardingChecklist({ steps }: { steps: OnboardingStep[] }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <Card title="Get set up" description={`${done} of ${steps.length} done — from an empty console to a first order.`} className="mb-6">
      <ol className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Setup steps">
        {steps.map((step, i) => (
          <li key={step.key} className={`flex gap-3 rounded-md border p-3 ${step === next ? "border-accent-500 bg-accent-50/40" : "border-zinc-200"}`}>
            <span
              className={`grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${step.done ? "bg-emerald-600 text-white" : "border border-zinc-300 text-zinc-700"}`}
              aria-hidden
            >
              {step.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0 text-sm">
              <p className="font-medium text-zinc-900">
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              <p className="mt-0.5 text-xs text-zinc-600">{step.detail}</p>
              {!step.done && <StepAction step={step} isNext={step === next} />}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
