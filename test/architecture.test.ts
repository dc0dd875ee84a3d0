import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering the README draws, pinned: a folder of src/ may import only folders of layers below its
// own. Data flows one way: adapters and entry points → app (the pipeline) → assess/plans → core.

const LAYERS: readonly (readonly string[])[] = [
  ['core', 'render'], // the decision vocabulary, placement, decide; colours for people
  ['shell', 'policy', 'store'], // the bash parser, Cedar, storage
  ['analyzers'], // one module per tool family
  ['assess', 'plans', 'config', 'least-privilege', 'creds'], // what an action does; .interlock/ configuration; narrowest grants; credentials
  ['approvals'], // the approval server's API and client
  ['audit'], // the tamper-evident log
  ['app'], // the one pipeline: evaluate → gate → record
  ['adapters', 'server'], // agent hooks and machine facts; the approval server
  ['daemon', 'broker'], // the hooks' long-running process; `interlock run` with the broker's credentials
  ['cli', 'bench', 'ci'], // the command line, benchmarks and the CI action
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file (static, re-export, and dynamic `import('…')`), resolved to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm),
  ];
  return specifiers.map((m) => relative(SRC, normalize(join(dirname(file), m[1]!))));
}

const folderOf = (path: string) => path.split('/')[0]!;
const layerOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));

describe('architecture', () => {
  const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());

  it('every folder of src/ has a place in the layers', () => {
    expect(folders.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('no folder imports a folder of its own layer or one above it', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = folderOf(relative(SRC, file));
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to === from || to.startsWith('..')) continue;
        if (layerOf(to) >= layerOf(from)) wrong.push(`${relative(ROOT, file)} imports src/${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the README's layout table names exactly the folders of src/", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(
      readme.indexOf('## Layout'),
      readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
    );
    const named = [...layout.matchAll(/`src\/([a-z-]+)\/`/g)].map((m) => m[1]!);
    expect([...new Set(named)].sort()).toEqual([...folders].sort());
  });
});
