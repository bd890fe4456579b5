// `npx tsx bench/profile-diff.ts <dir> <build A> <build B> [top] [--by=function|area]`: where two builds' turns
// spent the service's main thread, from the profiles and windows `bench/run-ab.ts --prof=<dir>`
// wrote: self time per turn (µs) within each run's measured window, averaged over the runs
// of a build, and the difference, largest first. `--by=area` sums by package (node_modules),
// by our own folder (dist/adapters/http, dist/src/detection, ...) or by V8's own entries
// ((garbage collector), (program), (idle)).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameKey } from './frame-key.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const [dir, buildA, buildB, top = '30'] = args;
const by = process.argv.find((arg) => arg.startsWith('--by='))?.split('=')[1] ?? 'function';
if (!dir || !buildA || !buildB) throw new Error('usage: profile-diff.ts <dir> <build A> <build B> [top] [--by=function|area]');

function keyOf(frame: ProfileNode['callFrame']): string {
  return frameKey(frame, by, (unnamed) => (unnamed.functionName.startsWith('(') ? unnamed.functionName : unnamed.url || '(native)'));
}

/** Self µs per turn by key, averaged over a build's runs. */
function perTurn(build: string): { byKey: Map<string, number>; total: number; runs: number } {
  const byKey = new Map<string, number>();
  let total = 0;
  const runs = readdirSync(dir!).filter((file) => file.startsWith(`${build}-`) && file.endsWith('.cpuprofile'));
  for (const file of runs) {
    const [window, turnsText] = readFileSync(join(dir!, file.replace(/\.cpuprofile$/, '.window')), 'utf8').trim().split(' ');
    const [from, to] = window!.split('-').map(Number);
    const turns = Number(turnsText);
    const profile = JSON.parse(readFileSync(join(dir!, file), 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    let at = profile.startTime;
    for (const [i, id] of profile.samples.entries()) {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      if (at < from! || at > to!) continue;
      const key = keyOf(nodes.get(id)!.callFrame);
      const share = delta / turns / runs.length;
      byKey.set(key, (byKey.get(key) ?? 0) + share);
      if (key !== '(idle)' && !key.startsWith('(idle) ')) total += share;
    }
  }
  return { byKey, total, runs: runs.length };
}

const a = perTurn(buildA);
const b = perTurn(buildB);
console.log(`busy µs per turn (main thread, idle excluded): ${buildA} ${a.total.toFixed(1)} (${a.runs} runs), ${buildB} ${b.total.toFixed(1)} (${b.runs} runs)`);
const keys = new Set([...a.byKey.keys(), ...b.byKey.keys()]);
const rows = [...keys].map((key) => ({ key, a: a.byKey.get(key) ?? 0, b: b.byKey.get(key) ?? 0 })).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
console.log(`${buildA.padStart(8)} ${buildB.padStart(8)}    diff  (µs per turn)`);
for (const row of rows.slice(0, Number(top))) console.log(`${row.a.toFixed(1).padStart(8)} ${row.b.toFixed(1).padStart(8)} ${(row.b - row.a >= 0 ? '+' : '') + (row.b - row.a).toFixed(1).padStart(7)}  ${row.key}`);
