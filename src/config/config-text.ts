import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { HandoverError } from '../errors.js';

/** The largest configuration or knowledge-base file we read: far above any real one, far below what hurts. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Why a configuration file was not read; the caller adds which file and which setting. */
export class ConfigTextError extends HandoverError {
  constructor(message: string) {
    super('config_file', message);
  }
}

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

function checkKind(stats: Stats, maxBytes: number): void {
  // a device (/dev/zero), a FIFO or a socket may never end; only a regular file has a size we can trust
  if (!stats.isFile()) throw new ConfigTextError('not a regular file');
  if (stats.size > maxBytes) throw new ConfigTextError(`larger than ${describeBytes(maxBytes)}`);
}

/**
 * A configuration file's text, read only if it is a regular file of at
 * most `maxBytes`: never more than that is read or held, whatever the path
 * points at.
 */
export function readConfigText(path: string, maxBytes = MAX_CONFIG_FILE_BYTES): string {
  let fd: number;
  try {
    // Checked before opening: opening a FIFO for reading waits for a writer.
    checkKind(statSync(path), maxBytes);
    // Non-blocking, in case the path was swapped for a FIFO since; what was opened is checked again.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof ConfigTextError) throw error;
    throw new ConfigTextError((error as Error).message.split('\n')[0]!);
  }
  try {
    checkKind(fstatSync(fd), maxBytes);
    // one byte more than allowed tells a file that grew since it was checked
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) throw new ConfigTextError(`larger than ${describeBytes(maxBytes)}`);
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof ConfigTextError) throw error;
    throw new ConfigTextError((error as Error).message.split('\n')[0]!);
  } finally {
    closeSync(fd);
  }
}

/**
 * YAML (or JSON) from a person: aliases are capped so a few lines cannot
 * expand into millions of nodes (the "billion laughs").
 */
export function parseConfigYaml(text: string): unknown {
  return parseYaml(text, { maxAliasCount: 100 });
}
