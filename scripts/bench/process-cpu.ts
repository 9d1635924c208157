import fs from "node:fs";
import { pidsInGroup } from "./process-group";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU time (user + system, ms) used so far by every process in a process group, read from
 * /proc. Linux only; elsewhere it answers undefined and the table leaves the column empty.
 */
export function groupCpuMs(groupId: number | undefined): number | undefined {
  if (groupId === undefined || !fs.existsSync("/proc/self/stat")) return undefined;
  let ticks = 0;
  for (const pid of pidsInGroup(groupId)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // utime and stime are fields 14 and 15, the 12th and 13th after the command name.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
