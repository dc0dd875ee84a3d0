import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialFile, Inheritance } from '../../creds/types.js';
import { credentialLocations, type Location } from './locations.js';

// What the agent's shell inherits, read at the edge: its variables and the credential files of the home
// directory. Regular files only (never a FIFO or a device), at most 1 MiB each; what cannot be read is
// left out. The text goes to the pure parsers in src/creds/, which keep no secret from it.

const MAX_BYTES = 1024 * 1024;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file's text, or undefined when it is not a regular file, is too large or cannot be read. */
function readText(path: string): string | undefined {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO swapped in after the stat is not waited on (fstat then refuses it).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    const length = readSync(fd, buffer, 0, stat.size, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readLocation(location: Location): CredentialFile[] {
  if (!isFile(location.path)) return [];
  if (!location.read) return [{ kind: location.kind, path: location.path }];
  const text = readText(location.path);
  return text === undefined ? [] : [{ kind: location.kind, path: location.path, text }];
}

/** `~/.ssh/id_*` private keys (not their `.pub` halves). */
function sshKeys(home: string): CredentialFile[] {
  const dir = join(home, '.ssh');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith('id_') && !n.endsWith('.pub'))
    .sort()
    .map((n) => join(dir, n))
    .filter(isFile)
    .map((path) => ({ kind: 'ssh-key' as const, path }));
}

export function readInheritance(env: NodeJS.ProcessEnv, home: string): Inheritance {
  const files = [...credentialLocations(env, home).flatMap(readLocation), ...sshKeys(home)];
  return { env: { ...env }, files };
}
