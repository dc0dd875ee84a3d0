// Test helper: `node --import ./forbid-heavy.mjs …` makes loading a parser or the policy engine fail, to
// prove that a hook call which does not need them does not load them: through `import` (the loader hooks)
// and through `require` (native addons are loaded with it).
import Module, { register } from 'node:module';

register('./forbid-heavy-hooks.mjs', import.meta.url);

const HEAVY = /^(tree-sitter|tree-sitter-bash|web-tree-sitter|libpg-query|@cedar-policy\/cedar-wasm)(\/|$)/;
const load = Module._load;
Module._load = function (request, ...rest) {
  if (HEAVY.test(request)) throw new Error(`interlock test: ${request} must not load for this call`);
  return load.call(this, request, ...rest);
};
