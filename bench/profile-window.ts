// `npx tsx bench/profile-window.ts <file.cpuprofile> [fromUs-toUs] [top]`: where a V8 CPU
// profile (node --cpu-prof) spent its samples, by function (self time), optionally only
// within a window of the monotonic clock (as bench/run-claims.ts prints for each round).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, window, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const [from, to] = window ? window.split('-').map(Number) : [-Infinity, Infinity];
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<string, number>();
let at = profile.startTime;
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < from! || at > to!) continue;
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${lineNumber + 1}`;
  selfMs.set(key, (selfMs.get(key) ?? 0) + delta / 1000);
  total += delta / 1000;
}
console.log(`${total.toFixed(0)} ms of samples in the window`);
for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${key}`);
