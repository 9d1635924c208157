import fs from "node:fs";

/** The pids of every live process in a process group, from /proc (Linux; elsewhere none). */
export function pidsInGroup(groupId: number): string[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  return fs.readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid pgrp …
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === groupId;
    } catch {
      return false; // exited meanwhile
    }
  });
}
