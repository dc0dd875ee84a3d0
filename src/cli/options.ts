import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

/**
 * Commander parser for a directory option (--cwd, --dir): it must exist. A mistyped directory would
 * otherwise find no .interlock/ and decide with the built-in policies only. Commander reports the
 * error as a usage error (exit 2).
 */
export function existingDirectory(value: string): string {
  let stat;
  try {
    stat = statSync(value);
  } catch {
    throw new InvalidArgumentError(`There is no directory ${value}: pass an existing directory.`);
  }
  if (!stat.isDirectory())
    throw new InvalidArgumentError(`${value} is a file, not a directory: pass its directory.`);
  return value;
}
