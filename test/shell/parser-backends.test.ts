import { beforeAll, describe, expect, it } from 'vitest';
import { cloudCorpus } from '../corpus/cloud.js';
import { databasesCorpus } from '../corpus/databases.js';
import { filesCorpus } from '../corpus/files.js';
import { frameworksCorpus } from '../corpus/frameworks.js';
import { gitCorpus } from '../corpus/git.js';
import { heldoutCorpus } from '../corpus/heldout.js';
import { iacCorpus } from '../corpus/iac.js';
import { interpretersCorpus } from '../corpus/interpreters.js';
import { kubernetesCorpus } from '../corpus/kubernetes.js';
import { servicesCorpus } from '../corpus/services.js';
import {
  loadBashParser,
  loadNativeBashParser,
  loadWasmBashParser,
  type LoadedShellParser,
} from '../../src/shell/tree-sitter.js';
import type { SyntaxNode } from '../../src/shell/syntax.js';

// The hook parses with the native addon, the rest may fall back to WebAssembly: both must see the same
// tree for every command we label, or a verdict would depend on which one happened to load.

const edgeCases = [
  'echo ünïcödé 😀 && rm -rf /tmp/ö',
  "cat <<'EOF' | sh\nrm -rf /srv/app\nEOF",
  'for f in $(ls); do rm "$f"; done',
  'if [ -n "$X" ]; then kubectl delete ns prod; fi',
  'echo "unterminated',
  'a=$(( 1 + 2 )); echo ${a:-x} `date` $((a*2))',
  `echo ${'x'.repeat(70_000)} && terraform destroy -auto-approve`,
];

const commands = [
  ...[
    cloudCorpus,
    databasesCorpus,
    filesCorpus,
    frameworksCorpus,
    gitCorpus,
    heldoutCorpus,
    iacCorpus,
    interpretersCorpus,
    kubernetesCorpus,
    servicesCorpus,
  ].flatMap((corpus) => corpus.map((c) => c.command)),
  ...edgeCases,
];

/** Every node, in order, with its position and flags: two trees are the same when these lists are. */
function dump(node: SyntaxNode, out: string[] = []): string[] {
  out.push(
    `${node.type}@${node.startIndex}-${node.endIndex}${node.isNamed ? '' : "'"}${node.isMissing ? '!' : ''}${node.hasError ? '?' : ''}`,
  );
  for (const child of node.children) if (child) dump(child, out);
  return out;
}

describe('the native and WebAssembly builds of tree-sitter-bash', () => {
  let native: LoadedShellParser;
  let wasm: LoadedShellParser;
  beforeAll(async () => {
    native = loadNativeBashParser();
    wasm = await loadWasmBashParser();
  });

  it(`agree on all ${commands.length} labelled and edge-case commands`, () => {
    const differing = commands.filter((command) => {
      const a = native.parse(command);
      const b = wasm.parse(command);
      try {
        return dump(a.rootNode).join(' ') !== dump(b.rootNode).join(' ');
      } finally {
        a.delete();
        b.delete();
      }
    });
    expect(differing).toEqual([]);
  });

  it('agree on field names and node text', () => {
    const command = 'sudo -u deploy kubectl --context prod delete deployment api > /tmp/out 2>&1';
    const a = native.parse(command).rootNode;
    const b = wasm.parse(command).rootNode;
    const first = (n: SyntaxNode) => n.namedChildren[0]!;
    const [ra, rb] = [first(a), first(b)];
    expect(ra.type).toBe('redirected_statement');
    expect(ra.childForFieldName('body')?.text).toBe(rb.childForFieldName('body')?.text);
    expect(ra.childrenForFieldName('redirect').map((n) => n?.text)).toEqual(
      rb.childrenForFieldName('redirect').map((n) => n?.text),
    );
    expect(ra.childForFieldName('body')?.parent?.type).toBe('redirected_statement');
  });

  it('loads the native build by default and the WebAssembly one on request', async () => {
    expect((await loadBashParser({})).backend).toBe('native');
    expect((await loadBashParser({ INTERLOCK_SHELL_PARSER: 'wasm' })).backend).toBe('wasm');
  });
});
