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
  if (!args || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const record = args as Record<string, unknown>;
  for (const key of keys) {
    const value = record[key];
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
  if (!args || typeof args !== 'object' || Array.isArray(args)) return false;
  const record = args as Record<string, unknown>;
  return keys.some((key) => truthy(record[key]));
}

/** Whether any argument whose name has one of `words` in it is set to a true value (`force_push`, `hard`). */
export function anyFlag(args: unknown, ...names: string[]): boolean {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return false;
  return Object.entries(args as Record<string, unknown>).some(
    ([key, value]) => truthy(value) && words(key).some((w) => names.includes(w)),
  );
}
