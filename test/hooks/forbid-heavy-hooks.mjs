// Module resolution hook for forbid-heavy.mjs.
const HEAVY = /(web-tree-sitter|tree-sitter-bash|cedar-wasm|libpg-query)/;

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (HEAVY.test(result.url)) throw new Error(`interlock test: ${specifier} must not load for this call`);
  return result;
}
