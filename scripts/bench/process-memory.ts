import fs from "node:fs";
import { pidsInGroup } from "./process-group";

/** Resident memory (MB) of every process in a process group, summed from /proc/<pid>/status (VmRSS). Linux only; elsewhere 0. */
export function groupRssMb(groupId: number | undefined): number {
  if (groupId === undefined) return 0;
  let kb = 0;
  for (const pid of pidsInGroup(groupId)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}
