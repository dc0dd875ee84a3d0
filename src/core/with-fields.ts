// `{ ...base, field: value }` where `field` is new to `base` is a slow path in V8 11 (Node 20): 2–12 µs
// per object against ~0.2 µs for Object.assign, which builds the same object (same keys, same order).
// Per effect that was most of placing fifty effects (issue 17).

/** `{ ...base, ...fields }`, built the fast way. */
export function withFields<T extends object, U extends object>(base: T, fields: U): Omit<T, keyof U> & U {
  // Object.assign sets an own "__proto__" key (JSON.parse makes them) as the prototype; a spread defines it.
  if (Object.hasOwn(base, '__proto__') || Object.hasOwn(fields, '__proto__')) return { ...base, ...fields };
  return Object.assign({}, base, fields);
}
