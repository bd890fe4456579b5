import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU (user + system, all threads) a process has used since it started, in ms. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name may hold spaces and parentheses: the fields after it start past the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The pid of the one process whose command line holds `argument` (e.g. the database's data folder). */
export function pidWithArgument(argument: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(argument)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no process has ${argument} among its arguments`);
}

export type CpuProcesses = Record<string, number>;

/** CPU used by each named process (and this one, as `bench`) between `start` and `stop`, in ms. */
export function cpuMeter(processes: CpuProcesses) {
  const read = () => ({ ...Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid)])), bench: benchCpuMs() });
  const started = read();
  return {
    stop(): Record<string, number> {
      const now = read();
      return Object.fromEntries(Object.entries(now).map(([name, ms]) => [name, ms - (started as Record<string, number>)[name]!]));
    },
  };
}

function benchCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU of a process's main thread alone (for Node: JavaScript and the scavenges it runs itself, without the GC's and libuv's helper threads), in ms. */
export function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
