import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PaymentObject } from "./types";
import type { Store } from "./store";

/**
 * The emulator's ledger on disk, so a restarted emulator still knows every order reference,
 * authorization, capture, refund and billing agreement it created (the demo restarts it with
 * the app). Sellers are configuration (the sellers file), not state, and are not saved.
 */
export type SavedState = {
  version: 1;
  savedAt: string;
  /** Emulator clock minus wall time: tests move the clock forward, and it must not jump back. */
  clockOffsetMs: number;
  objects: PaymentObject[];
  referenceIds: Array<[string, string]>;
  accessTokens: Array<[string, { sellerId: string; objectId: string; issuedAt: number }]>;
};

const objectSchema = z.looseObject({
  kind: z.enum(["OrderReference", "Authorization", "Capture", "Refund", "BillingAgreement"]),
  id: z.string().min(1),
  sellerId: z.string().min(1),
  status: z.looseObject({ state: z.string().min(1) }),
  createdAt: z.number(),
});

const stateSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  clockOffsetMs: z.number(),
  objects: z.array(objectSchema),
  referenceIds: z.array(z.tuple([z.string(), z.string()])),
  accessTokens: z.array(z.tuple([z.string(), z.object({ sellerId: z.string(), objectId: z.string(), issuedAt: z.number() })])),
});

export function captureState(store: Store): SavedState {
  const now = store.clock.now();
  return {
    version: 1,
    savedAt: new Date(now).toISOString(),
    clockOffsetMs: now - Date.now(),
    objects: [...store.objects.values()],
    referenceIds: [...store.referenceIds.entries()],
    accessTokens: [...store.accessTokens.entries()],
  };
}

/** Puts saved objects into a fresh store (before any request is served). */
export function restoreState(store: Store, state: SavedState): void {
  for (const object of state.objects) store.objects.set(object.id, object);
  for (const [key, id] of state.referenceIds) store.referenceIds.set(key, id);
  for (const [token, entry] of state.accessTokens) store.accessTokens.set(token, entry);
}

/**
 * Written to a temporary file beside the target and renamed over it: a crash mid-write leaves
 * the previous state whole, never half a file.
 */
export function writeStateFile(file: string, state: SavedState): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The saved state, or undefined when there is no file yet; a file that is not one is an error naming it. */
export function readStateFile(file: string): SavedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Sandbox state file ${file} is not valid JSON (${(error as Error).message}). Delete it to start the emulator with an empty ledger.`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Sandbox state file ${file} is not a saved emulator state: ${z.prettifyError(parsed.error)}. Delete it to start the emulator with an empty ledger.`,
    );
  }
  return parsed.data as unknown as SavedState;
}

export type StateSaver = { schedule(): void; flush(): void; stop(): void };

/**
 * Saves after changes, at most once per `delayMs` (many changes per request and per timer tick
 * become one write); `flush` writes at once (on close).
 */
export function createStateSaver(store: Store, file: string, delayMs: number): StateSaver {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let stopped = false;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      writeStateFile(file, captureState(store));
    } catch (error) {
      console.error(`[amazon-sandbox] could not save state to ${file}: ${(error as Error).message}`);
    }
  };
  return {
    schedule() {
      if (stopped) return;
      dirty = true;
      if (!timer) {
        timer = setTimeout(flush, delayMs);
        timer.unref();
      }
    },
    flush,
    stop() {
      flush();
      stopped = true;
    },
  };
}
