// Per-message cost of what the service runs on each customer turn
// (detectContactRequest + matchSensitiveTopic), this tree against another
// checkout of the repository, alternated in one process: best of N passes
// each over every contact-corpus text. Run it alone on the machine:
//   flock /tmp/bench.lock npx tsx eval/detection-speed-ab.ts /tmp/old-worktree [passes]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readContactCorpus } from '../training/contact-corpus.js';

interface Detection {
  detectContactRequest(text: string): { isRequest: boolean };
}
interface Topics {
  matchSensitiveTopic(text: string, topics: unknown): unknown;
  DEFAULT_SENSITIVE_TOPICS: unknown;
}

const [oldRoot, passesArg] = process.argv.slice(2);
if (!oldRoot) {
  console.error('usage: npx tsx eval/detection-speed-ab.ts <old checkout> [passes]');
  process.exit(2);
}
const load = async (root: string) => ({
  detection: (await import(pathToFileURL(resolve(root, 'src/detection/contact-request.ts')).href)) as Detection,
  topics: (await import(pathToFileURL(resolve(root, 'src/detection/sensitive-topic.ts')).href)) as Topics,
});
const builds = { old: await load(oldRoot), new: await load(resolve(import.meta.dirname, '..')) };
const texts = readContactCorpus().map((row) => row.text);
const passes = Number(passesArg ?? 8);
const micros: Record<keyof typeof builds, number[]> = { old: [], new: [] };
let flagged = 0;
for (let pass = 0; pass < passes; pass += 1) {
  for (const name of pass % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
    const { detection, topics } = builds[name];
    const started = performance.now();
    for (const text of texts) {
      if (detection.detectContactRequest(text).isRequest) flagged += 1;
      if (topics.matchSensitiveTopic(text, topics.DEFAULT_SENSITIVE_TOPICS)) flagged += 1;
    }
    micros[name].push(((performance.now() - started) * 1000) / texts.length);
  }
}
const best = (name: keyof typeof builds) => Math.min(...micros[name]);
const list = (name: keyof typeof builds) => micros[name].map((us) => us.toFixed(1)).join(' ');
console.log(`${texts.length} messages, ${passes} passes each, alternated (${flagged} flags)`);
console.log(`old: best ${best('old').toFixed(1)} µs/message (${list('old')})`);
console.log(`new: best ${best('new').toFixed(1)} µs/message (${list('new')})`);
console.log(`new / old: ${(best('new') / best('old')).toFixed(3)}`);
