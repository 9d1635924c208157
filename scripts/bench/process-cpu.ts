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

/** The machine's CPU counters so far (all cores, ms): busy and total. Linux only; undefined elsewhere. */
export function machineCpuMs(): { busy: number; total: number } | undefined {
  if (!fs.existsSync("/proc/stat")) return undefined;
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + (steal || 0);
  return { busy: ((total - idle - iowait) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
}

/** Share of the machine's CPU (all cores) that was busy between two readings, in percent. */
export function busyPercent(before: ReturnType<typeof machineCpuMs>, after: ReturnType<typeof machineCpuMs>): number | undefined {
  if (!before || !after || after.total === before.total) return undefined;
  return Math.round(((after.busy - before.busy) / (after.total - before.total)) * 100);
}
