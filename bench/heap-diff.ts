// `npx tsx bench/heap-diff.ts <dir> <build A> <build B> [top] [--by=function|area]`: what two builds'
// turns allocated, from the sampling heap profiles `bench/run-ab.ts --heap=<dir>` wrote: bytes per
// turn allocated by each function (self), averaged over a build's runs, and the difference.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameKey } from './frame-key.js';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const [dir, buildA, buildB, top = '30'] = args;
const by = process.argv.find((arg) => arg.startsWith('--by='))?.split('=')[1] ?? 'function';
if (!dir || !buildA || !buildB) throw new Error('usage: heap-diff.ts <dir> <build A> <build B> [top] [--by=function|area]');

function keyOf(frame: HeapNode['callFrame']): string {
  return frameKey(frame, by, (unnamed) => unnamed.functionName || '(native)');
}

function perTurn(build: string) {
  const byKey = new Map<string, number>();
  let total = 0;
  const runs = readdirSync(dir!).filter((file) => file.startsWith(`${build}-`) && file.endsWith('.heapprofile'));
  for (const file of runs) {
    const turns = Number(readFileSync(join(dir!, file.replace(/\.heapprofile$/, '.turns')), 'utf8'));
    const walk = (node: HeapNode) => {
      const bytes = node.selfSize / turns / runs.length;
      const key = keyOf(node.callFrame);
      byKey.set(key, (byKey.get(key) ?? 0) + bytes);
      total += bytes;
      for (const child of node.children) walk(child);
    };
    walk((JSON.parse(readFileSync(join(dir!, file), 'utf8')) as { head: HeapNode }).head);
  }
  return { byKey, total, runs: runs.length };
}

const a = perTurn(buildA);
const b = perTurn(buildB);
console.log(`bytes allocated per turn: ${buildA} ${a.total.toFixed(0)} (${a.runs} runs), ${buildB} ${b.total.toFixed(0)} (${b.runs} runs)`);
const keys = new Set([...a.byKey.keys(), ...b.byKey.keys()]);
const rows = [...keys].map((key) => ({ key, a: a.byKey.get(key) ?? 0, b: b.byKey.get(key) ?? 0 })).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
console.log(`${buildA.padStart(8)} ${buildB.padStart(8)}    diff  (bytes per turn)`);
for (const row of rows.slice(0, Number(top))) console.log(`${row.a.toFixed(0).padStart(8)} ${row.b.toFixed(0).padStart(8)} ${(row.b - row.a >= 0 ? '+' : '') + (row.b - row.a).toFixed(0).padStart(7)}  ${row.key}`);
