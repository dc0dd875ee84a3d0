/** A plain JSON object (not null, not an array): what every input boundary checks first. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
