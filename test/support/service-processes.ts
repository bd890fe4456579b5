import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, startNodeProcess, stopProcess, waitForHttp } from '../../tools/node-processes.js';

/** `npm run db` in a process group of its own: a FerretDB the test can kill hard and start again on the same data. */
export async function startDatabaseProcess(options: { dataDir?: string; port?: number } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'handover-db-'));
  const port = options.port ?? (await freePort());
  const child = startNodeProcess('tools/ferretdb/run-db.ts', { HANDOVER_DATA_DIR: dataDir, HANDOVER_DB_LISTEN: `127.0.0.1:${port}` }, { echo: false, detached: true });
  const uri = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`npm run db exited with ${code}`)));
  });
  return {
    uri,
    dataDir,
    port,
    /** SIGKILL to the whole group: the database dies as in a crash, with no chance to flush or say goodbye. */
    kill: () => killGroup(child),
    stop: () => stopProcess(child),
  };
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** What it wrote to stderr and stdout (pino lines). */
  output: string[];
  exited: Promise<number | null>;
}

/**
 * `npm start` against a given database, on a free port. Stopped with no
 * drain (nothing balances load in front of it) unless `shutdownDrain` is
 * 'default': the test of SIGTERM under load keeps the configured default.
 */
export async function startServiceProcess(env: Record<string, string>, options: { shutdownDrain?: 'none' | 'default' } = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const drain: Record<string, string> = options.shutdownDrain === 'default' ? {} : { HANDOVER_SHUTDOWN_DRAIN_MS: '0' };
  const child = startNodeProcess('adapters/server/main.ts', { LOG_LEVEL: 'warn', HANDOVER_JOB_POLL_MS: '200', HANDOVER_RATE_LIMIT_PER_MINUTE: '100000', PORT: String(port), ...drain, ...env }, { echo: false });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 60_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return { url, child, output, exited };
}

export function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL'); // not a group leader: the process alone
    }
  });
}
