import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

// What names a log to the outside witness: this host and the log's location, hashed (the server learns
// neither). Derived, never stored in the log, so a wiped or replaced log at the same place keeps its id
// and is held against what the server saw of the old one.

export function logIdOf(location: string, host = hostname()): string {
  return createHash('sha256').update(`${host}\0${location}`).digest('hex').slice(0, 32);
}
