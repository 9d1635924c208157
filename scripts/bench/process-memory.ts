import fs from "node:fs";

/**
 * Resident memory (MB) of every process in a process group, summed from /proc/<pid>/status
 * (VmRSS). Linux only; elsewhere it answers 0.
 */
export function groupRssMb(groupId: number | undefined): number {
  if (groupId === undefined || !fs.existsSync("/proc/self/stat")) return 0;
  let kb = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}
