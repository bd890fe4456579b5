import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedDatabase } from '/work/main/tools/ferretdb/embedded-ferretdb.js';
const db = await startEmbeddedDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'mb-')) });
async function timeConc(label: string, n: number, conc: number, f: (i: number) => Promise<unknown>) {
  const t0 = performance.now(); let next = 0; const lat: number[] = [];
  await Promise.all(Array.from({ length: conc }, async () => { while (next < n) { const s = performance.now(); await f(next++); lat.push(performance.now() - s); } }));
  lat.sort((a, b) => a - b);
  console.log(label, (n / ((performance.now() - t0) / 1000)).toFixed(0), '/s p50', lat[Math.floor(n * 0.5)]!.toFixed(1), 'p99', lat[Math.floor(n * 0.99)]!.toFixed(1));
}
const pool = Number(process.argv[2] ?? 50);
const client = await MongoClient.connect(`${db.uri}mb`, { maxPoolSize: pool });
const c = client.db().collection<any>('t');
for (let k = 0; k < 32; k++) await c.insertOne({ _id: 'u' + k, n: 0 } as any);
for (const conc of [1, 32]) {
  await timeConc(`pool ${pool} find conc${conc}`, 1000, conc, (i) => c.findOne({ _id: 'u' + (i % 32) }));
  await timeConc(`pool ${pool} update conc${conc}`, 1000, conc, (i) => c.updateOne({ _id: 'u' + (i % 32) }, { $set: { n: i } }));
  await timeConc(`pool ${pool} insert conc${conc}`, 1000, conc, (i) => c.insertOne({ i }));
  await timeConc(`pool ${pool} find conc${conc}`, 1000, conc, (i) => c.findOne({ _id: 'u' + (i % 32) }));
  await timeConc(`pool ${pool} update conc${conc}`, 1000, conc, (i) => c.updateOne({ _id: 'u' + (i % 32) }, { $set: { n: i } }));
}
await client.close();
await db.stop();
