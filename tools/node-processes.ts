import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { repoRoot } from './repo-root.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * The Node flags of `npm start` (package.json): a young generation of 4 MB,
 * not 16, and an old generation that grows to twice what survived the last
 * full collection before the next, not up to four times: the heap's peaks
 * stay under about 190 MB instead of 240 at the same speed (bench/RESULTS.md).
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=100'];

/**
 * An entry point in its own Node process (so its RSS and CPU are its own):
 * TypeScript through tsx, or a built `.js` as `npm start` runs it. `detached`
 * gives it a process group of its own, to kill it with its children at once.
 */
export function startNodeProcess(entry: string, env: Record<string, string>, options: { echo?: boolean; detached?: boolean } = {}): ChildProcess {
  const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [...SERVICE_NODE_FLAGS, entry], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  if (options.echo ?? true) child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  else child.stderr?.resume();
  if (process.env.ECHO_STDOUT) child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  else child.stdout?.resume();
  return child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}
