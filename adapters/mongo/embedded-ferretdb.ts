import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { repoPath } from '../repo-root.js';
import { HandoverError } from '../../src/errors.js';

/**
 * The embedded MongoDB-compatible database: FerretDB v1.24.2 on SQLite, built
 * once per machine from the pinned Go module in tools/ferretdb (its build
 * inputs: go.mod, main.go, the patches) and cached under `.ferretdb/` at the
 * repository root. It belongs to the storage adapter: the service starts it
 * when MONGODB_URI is not set.
 */

const toolsModuleDir = repoPath('tools', 'ferretdb');
const cacheDir = repoPath('.ferretdb');
const binaryPath = join(cacheDir, 'bin', 'embedded-ferretdb');
const stampPath = join(cacheDir, 'bin', 'embedded-ferretdb.stamp');

export class EmbeddedDatabaseError extends HandoverError {
  constructor(message: string) {
    super('embedded_database', message);
  }
}

export interface EmbeddedDatabase {
  uri: string;
  stop(): Promise<void>;
}

/** Hash of what the binary is built from, so a changed pin rebuilds it. */
function sourceStamp(): string {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go', 'patches.json']) hash.update(readFileSync(join(toolsModuleDir, file)));
  for (const patch of readPatches()) if ('add' in patch) hash.update(readFileSync(join(toolsModuleDir, patch.add)));
  return hash.digest('hex');
}

export function embeddedDatabaseBinary(log: (line: string) => void = () => {}): string {
  const stamp = sourceStamp();
  if (existsSync(binaryPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return binaryPath;

  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new EmbeddedDatabaseError(
      'MONGODB_URI is not set and Go (≥ 1.24) is not installed to build the embedded database: install Go or set MONGODB_URI',
    );
  }
  log('building the embedded database (FerretDB v1.24.2, once per machine; a few minutes the first time)');
  mkdirSync(dirname(binaryPath), { recursive: true });
  const partial = `${binaryPath}.${process.pid}.partial`;
  const modfile = patchedModule(`${process.pid}`);
  const build = spawnSync('go', ['build', '-trimpath', `-modfile=${modfile}`, '-o', partial, '.'], {
    cwd: toolsModuleDir,
    env: { ...process.env, CGO_ENABLED: '0' },
    encoding: 'utf8',
  });
  rmSync(dirname(modfile), { recursive: true, force: true });
  if (build.status !== 0) {
    throw new EmbeddedDatabaseError(`building the embedded database failed: ${(build.stderr || build.error?.message || '').trim()}`);
  }
  // rename is atomic: concurrent first starts never run a half-written binary
  renameSync(partial, binaryPath);
  writeFileSync(stampPath, stamp);
  return binaryPath;
}

interface SourcePatchBase {
  why: string;
  /** The Go module patched, at the version go.mod pins; FerretDB's when absent. */
  module?: string;
  /** The file in the module. */
  file: string;
}

/** A patch replaces `find` in `file`, or adds `file` with the content of `add` (a path beside patches.json). */
type SourcePatch = SourcePatchBase & ({ find: string; replace: string } | { add: string });

function readPatches(): SourcePatch[] {
  return JSON.parse(readFileSync(join(toolsModuleDir, 'patches.json'), 'utf8')) as SourcePatch[];
}

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

/**
 * Copies of the pinned modules patches.json patches (FerretDB and one of its
 * dependencies), with the patches applied, and a go.mod (beside the tools
 * module's, via -modfile) that builds against them. Go refuses overlays of
 * files in the module cache, hence the copies.
 */
function patchedModule(buildId: string): string {
  const workDir = join(cacheDir, 'src', buildId);
  rmSync(workDir, { recursive: true, force: true });
  const patches = readPatches();
  const byModule = new Map<string, SourcePatch[]>();
  for (const patch of patches) {
    const module = patch.module ?? FERRETDB_MODULE;
    byModule.set(module, [...(byModule.get(module) ?? []), patch]);
  }
  const replaces: string[] = [];
  for (const [module, modulePatches] of byModule) {
    const download = spawnSync('go', ['mod', 'download', '-json', module], { cwd: toolsModuleDir, encoding: 'utf8' });
    if (download.status !== 0) throw new EmbeddedDatabaseError(`fetching the source of ${module} failed: ${(download.stderr || download.stdout).trim()}`);
    const moduleCopy = join(workDir, module.replaceAll('/', '_'));
    cpSync((JSON.parse(download.stdout) as { Dir: string }).Dir, moduleCopy, { recursive: true });
    makeWritable(moduleCopy);
    for (const patch of modulePatches) {
      const file = join(moduleCopy, patch.file);
      if ('add' in patch) {
        cpSync(join(toolsModuleDir, patch.add), file);
        continue;
      }
      const source = readFileSync(file, 'utf8');
      if (!source.includes(patch.find)) throw new EmbeddedDatabaseError(`patch for ${module}/${patch.file} no longer applies: "${patch.find}" not found`);
      writeFileSync(file, source.replace(patch.find, patch.replace));
    }
    replaces.push(`replace ${module} => ${moduleCopy}`);
  }
  const modfile = join(workDir, 'go.mod');
  writeFileSync(modfile, `${readFileSync(join(toolsModuleDir, 'go.mod'), 'utf8')}\n${replaces.join('\n')}\n`);
  writeFileSync(join(workDir, 'go.sum'), readFileSync(join(toolsModuleDir, 'go.sum')));
  return modfile;
}

/** The module cache is read-only; the copy must be patchable and removable. */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

/**
 * FerretDB runs each command on its own SQLite connection and SQLite has one
 * writer: with many connections, waiting writers sleep in SQLite's busy
 * handler, napping, which made the slowest turns seconds late. A few
 * connections queue the rest in the driver instead, first come first
 * served: the same throughput with a far shorter tail (bench/RESULTS.md).
 */
export const EMBEDDED_DATABASE_POOL_SIZE = 4;

/** The URI the service connects with: a database on the embedded server, with the pool it suits. */
export function embeddedDatabaseUri(serverUri: string, databaseName: string): string {
  return `${serverUri}${databaseName}?maxPoolSize=${EMBEDDED_DATABASE_POOL_SIZE}`;
}

export interface StartEmbeddedDatabaseOptions {
  dataDir: string;
  /** `host:port`; port 0 picks a free one. */
  listen?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
  /** `host:port` where the database serves Go's profiler (net/http/pprof), for hunting bottlenecks. */
  pprofListen?: string;
  /** Further environment for the database's process (the bench tries Go runtime settings, e.g. GOMAXPROCS). */
  env?: Record<string, string>;
  /** Further flags for the database (tools/ferretdb/main.go), after EMBEDDED_DATABASE_FLAGS: the bench tries settings with them. */
  args?: string[];
}

/**
 * How the embedded database runs (tools/ferretdb/main.go's flags).
 *
 * -checkpoint-every: SQLite copies its write-ahead log back into the
 * database file (a checkpoint) inside the commit that crosses
 * wal_autocheckpoint, and FerretDB's writers queue behind that commit for
 * the copy and the file's sync: in the many-conversations bench every turn
 * in flight then came back hundreds of ms late together. A connection of
 * its own checkpoints each database in the background instead, so writers
 * never do it; a commit is still synced to the log before it is answered.
 */
export const EMBEDDED_DATABASE_FLAGS = ['-checkpoint-every=1s'];

export async function startEmbeddedDatabase(options: StartEmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const binary = embeddedDatabaseBinary(options.log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const flags = [...EMBEDDED_DATABASE_FLAGS, ...(options.args ?? [])];
  const child = spawn(binary, ['-listen', options.listen ?? '127.0.0.1:0', '-dir', dataDir, '-exit-on-stdin-close', ...flags, ...(options.pprofListen ? ['-pprof', options.pprofListen] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, DO_NOT_TRACK: '1' },
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 50) stderr.shift();
  });
  const uri = await readAnnouncedUri(child, options.startTimeoutMs ?? 30_000, stderr);
  return { uri, stop: () => stopChild(child) };
}

function readAnnouncedUri(child: ChildProcess, timeoutMs: number, stderr: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`the embedded database did not start within ${timeoutMs} ms: ${stderr.join('').trim()}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedDatabaseError(`the embedded database exited (code ${code}): ${stderr.join('').trim()}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolvePromise((JSON.parse(line) as { uri: string }).uri);
      } catch {
        reject(new EmbeddedDatabaseError(`unexpected output from the embedded database: ${line}`));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
