// Bundles the hook's two entry points and main.js's loader after `tsc` (see src/cli/hook-fast.ts for why):
//  - dist/cli/main.cjs: the installed `interlock` (package.json's bin), main.ts as CommonJS: Node starts an
//    ES module entry through its ES module loader, ~5 ms more than a CommonJS one (main.js stays, as built);
//  - dist/cli/hook-fast.cjs: the program agents run; node built-ins only, so it starts at Node's floor;
//    only the daemon's client: what it needs when no daemon answers is dist/cli/hook-local.cjs;
//  - dist/cli/cli-fast.cjs: main.js's first try for `check`, `explain`, `plan check`, `policy list`, the daemon's answer; built-ins only;
//  - dist/cli/one-shot.cjs: what main.js runs for the other commands (src/cli/one-shot.ts); built-ins only;
//  - dist/cli/hook-bundle.cjs: the full hook (parsers, analyzers, policies) and the command line
//    (src/cli/bundle-entry.ts) as one file, which Node loads several times faster than the same code spread
//    over two hundred modules; main.ts runs the one-shot commands from it.
// Packages that load native addons or WebAssembly from their own directory stay outside the bundle.
// Both are CommonJS: an external package is then required where the code first needs it (an ES module
// bundle would import every external at startup: the PostgreSQL client on a hook call that never uses it),
// and import() becomes require(), which lets hook-fast run the bundle with a V8 code cache.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

// better-sqlite3's JavaScript is bundled (a dozen small modules that Node would resolve and compile on every
// command that records a decision); its addon is named by path (src/store/sqlite-addon.ts), and `bindings`,
// which finds it otherwise, stays outside.
const external = [
  '@cedar-policy/cedar-wasm',
  'bindings',
  'libpg-query',
  'pg',
  'tree-sitter',
  'tree-sitter-bash',
  'web-tree-sitter',
];

/** hook-local's fallback `import('./hook.js')` loads the bundled full hook instead. */
const fullHookIsTheBundle = {
  name: 'full-hook-is-the-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/hook\.js$/ }, () => ({ path: './hook-bundle.cjs', external: true }));
  },
};

/** hook-fast's `import('./hook-local.js')` (no daemon answered) loads dist/cli/hook-local.cjs beside it. */
const localHookIsItsOwnFile = {
  name: 'local-hook-is-its-own-file',
  setup(b) {
    b.onResolve({ filter: /^\.\/hook-local\.js$/ }, () => ({ path: './hook-local.cjs', external: true }));
  },
};

/**
 * Built-in modules that take a millisecond or more to load and that a warm one-shot command never uses
 * (commander requires node:child_process at load for subcommands that are programs of their own; the
 * approval client node:http; the checkpointer node:worker_threads): together ~5 ms of every `check`.
 * In the bundle each is a stand-in whose properties require the real module on first use. Its property
 * names are the built-in's own, read here at build time (the bundle runs on the Node that built it).
 */
const LAZY_BUILTINS = ['child_process', 'fs/promises', 'http', 'https', 'net', 'stream', 'worker_threads'];
const require = createRequire(import.meta.url);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const names = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter: names }, ({ path, namespace }) => {
      const name = path.replace(/^node:/, '');
      // The stand-in's own require is of the real module.
      if (namespace === 'lazy-builtin') return { path: `node:${name}`, external: true };
      return { path: name, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: [
        `let real; const load = () => (real ??= require('node:${path}'));`,
        `for (const key of ${JSON.stringify(Object.keys(require(`node:${path}`)))})`,
        '  Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * zod's `z.locales` namespace carries its error messages in fifty languages: a fifth of the bundle, read and
 * loaded on every command. Interlock uses the English ones only, which zod installs itself
 * (classic/schemas.js imports locales/en.js directly); the namespace is left empty.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]zod[\\/]/.test(importer) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * A bundle that falls back on modules as built (`asBuilt`: an ES module, so its import() stays) and finds
 * files beside it through import.meta.url, its own URL (`urlName`).
 */
const fallingBackTo = (asBuilt, urlName) => ({
  external: [asBuilt],
  supported: { 'dynamic-import': true },
  define: { 'import.meta.url': urlName },
  banner: { js: `const ${urlName} = require('node:url').pathToFileURL(__filename).href;` },
});

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  supported: { 'dynamic-import': false },
  // Minified and ASCII-only: Node reads an ASCII file four times faster than one with a single "…".
  minify: true,
  charset: 'ascii',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/main.cjs',
    // The fallback when the bundles were not made: the command line as built.
    ...fallingBackTo('./one-shot.js', '__interlockMainUrl'),
  }),
  build({
    ...common,
    entryPoints: ['src/cli/hook-bin.ts'],
    outfile: 'dist/cli/hook-fast.cjs',
    plugins: [localHookIsItsOwnFile],
  }),
  build({
    ...common,
    // main.js's first try for `check`, `explain`, `plan check`, `policy list`: the running daemon's answer (src/cli/cli-fast.ts).
    entryPoints: ['src/cli/cli-fast.ts'],
    outfile: 'dist/cli/cli-fast.cjs',
  }),
  build({
    ...common,
    entryPoints: ['src/cli/hook-local.ts'],
    outfile: 'dist/cli/hook-local.cjs',
    plugins: [fullHookIsTheBundle],
  }),
  build({
    ...common,
    // What main.js runs for every command but the hook: it loads the bundle below for the one-shot ones,
    // and imports the command line as built (an ES module, so import() stays) for the rest.
    entryPoints: ['src/cli/one-shot.ts'],
    outfile: 'dist/cli/one-shot.cjs',
    ...fallingBackTo('./all-commands.js', '__interlockOneShotUrl'),
  }),
  build({
    ...common,
    entryPoints: ['src/cli/bundle-entry.ts'],
    outfile: 'dist/cli/hook-bundle.cjs',
    external,
    plugins: [lazyBuiltins, zodEnglishOnly],
    // Modules find files beside them (policies/, grammars) through import.meta.url: the bundle's own URL.
    define: { 'import.meta.url': '__interlockBundleUrl' },
    banner: { js: "const __interlockBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
]);

// esbuild's `charset: 'ascii'` escapes strings but leaves template literals as written. One non-ASCII
// character makes Node decode the whole file as UTF-8 into a two-byte string: ~100 ms more per start.
for (const file of [
  'dist/cli/main.cjs',
  'dist/cli/hook-fast.cjs',
  'dist/cli/cli-fast.cjs',
  'dist/cli/hook-local.cjs',
  'dist/cli/one-shot.cjs',
  'dist/cli/hook-bundle.cjs',
]) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[\u0080-\u00ff]/); // latin1: one character per byte
  if (at >= 0)
    throw new Error(
      `${file} is not ASCII at offset ${at} (…${text.slice(Math.max(0, at - 40), at + 10)}…): write that character as an escape in the source, or keep its module out of the bundle`,
    );
}
