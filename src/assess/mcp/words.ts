import { isObject } from '../../core/guards.js';

// Splitting MCP tool names and argument values into lower-case words: "deleteBranch", "pods_delete" and
// "sql-db-delete" all say "delete".

export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The string value of `key` in a plain object of arguments. */
export function stringArg(args: unknown, ...keys: string[]): string | undefined {
  if (!isObject(args)) return undefined;
  for (const key of keys) {
    const value = args[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** A value a server may take as true: Python and Go servers accept "yes", "on", "1" and 1 too. */
function truthy(value: unknown): boolean {
  return (
    value === true || value === 1 || (typeof value === 'string' && /^(true|yes|on|1|y)$/i.test(value.trim()))
  );
}

/** Whether `key` is set to a true value in the arguments. */
export function flagArg(args: unknown, ...keys: string[]): boolean {
  if (!isObject(args)) return false;
  return keys.some((key) => truthy(args[key]));
}

/** Whether any argument whose name has one of `words` in it is set to a true value (`force_push`, `hard`). */
export function anyFlag(args: unknown, ...names: string[]): boolean {
  if (!isObject(args)) return false;
  return Object.entries(args).some(
    ([key, value]) => truthy(value) && words(key).some((w) => names.includes(w)),
  );
}
