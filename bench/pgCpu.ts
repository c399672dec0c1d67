// CPU seconds used by an embedded PostgreSQL server (postmaster, its live children and the children
// it has reaped), read from /proc. Linux only; null elsewhere or for an external server.
import fs from 'node:fs';
import path from 'node:path';

const TICK = 100; // USER_HZ on Linux

function stat(pid: number): string[] | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
  } catch {
    return null;
  }
}

export function pgCpuSeconds(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const own = stat(pid);
  if (!own) return null;
  // stat fields (1-based): 14 utime, 15 stime, 16 cutime, 17 cstime; here index = field - 3.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && Number(s[1]) === pid) ticks += Number(s[11]) + Number(s[12]);
  }
  return ticks / TICK;
}
