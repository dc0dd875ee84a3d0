import { describe, expect, it } from 'vitest';
import { interpretersCorpus } from '../corpus/interpreters.js';
import { corpusTests } from '../support/corpus.js';
import { check } from '../support/runtime.js';
import { findCalls } from '../../src/analyzers/code-calls.js';
import { tokenize } from '../../src/analyzers/code-scan.js';

describe('interpreters', () => corpusTests(interpretersCorpus));

describe('interpreter effects', () => {
  const effectsOf = async (command: string) => (await check(command)).assessment.effects;

  it('judges a literal path like rm would', async () => {
    const [e] = await effectsOf('python3 -c "import shutil; shutil.rmtree(\'/etc\')"');
    expect(e).toMatchObject({ operation: 'delete', target: '/etc', risk: 'critical', category: 'file' });
  });

  it('rates a computed path by the kind of deletion', async () => {
    expect((await effectsOf('python3 -c "import shutil; shutil.rmtree(p)"'))[0]!.risk).toBe('high');
    expect((await effectsOf('python3 -c "import os; os.remove(p)"'))[0]!.risk).toBe('medium');
  });

  it('reports every path of a Perl unlink list', async () => {
    const effects = await effectsOf('perl -e \'unlink "/etc/a", "/etc/b"\'');
    expect(effects.map((e) => e.target)).toEqual(['/etc/a', '/etc/b']);
  });

  it('assesses the shell command an interpreter runs as shell', async () => {
    const [e] = await effectsOf('python3 -c "import os; os.system(\'dropdb app\')"');
    expect(e).toMatchObject({ operation: 'delete', tool: 'dropdb', risk: 'critical' });
  });

  it('treats code built from shell variables as unknown', async () => {
    const [e] = await effectsOf('python3 -c "$CODE"');
    expect(e).toMatchObject({ operation: 'execute-unverifiable', risk: 'high' });
  });

  it('creating a new file is not overwriting one', async () => {
    const result = await check("python3 -c \"open('out/new.conf', 'w')\"", { exists: () => false });
    expect(result.assessment.effects[0]).toMatchObject({ operation: 'create', risk: 'none' });
  });

  it('a new file in a system directory changes what the system does', async () => {
    const result = await check("python3 -c \"open('/etc/new.conf', 'w')\"", { exists: () => false });
    expect(result.assessment.effects[0]).toMatchObject({ operation: 'modify', risk: 'high' });
  });

  it('perl -i with a backup suffix is reversible', async () => {
    const [e] = await effectsOf("perl -i.bak -pe 's/a/b/' notes.txt");
    expect(e).toMatchObject({ operation: 'modify', reversible: true, risk: 'low' });
  });
});

describe('code scanner', () => {
  it('skips string literals, comments and regular expressions', () => {
    const tokens = tokenize("x = '#not a comment' # os.remove('a')", 'python');
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(['#not a comment']);
    const js = tokenize("const re = /unlink('b')/; const n = a / 2 / b", 'js');
    expect(js.filter((t) => t.kind === 'string')).toEqual([]);
    expect(js.filter((t) => t.text === '/')).toHaveLength(2);
    expect(
      findCalls(tokenize("// os.remove('a')\n\"unlink('b')\"", 'js'), new Set(['remove', 'unlink'])),
    ).toEqual([]);
  });

  it('marks interpolated strings as dynamic', () => {
    const dyn = (code: string, lang: Parameters<typeof tokenize>[1]) =>
      tokenize(code, lang)
        .filter((t) => t.kind === 'string')
        .map((t) => t.dynamic);
    expect(dyn("f'{home}/x' + 'y'", 'python')).toEqual([true, false]);
    expect(dyn('`${a}/b` + "c"', 'js')).toEqual([true, false]);
    expect(dyn('"$dir/x" . \'$y\'', 'perl')).toEqual([true, false]);
    expect(dyn('"#{dir}/x"', 'ruby')).toEqual([true]);
  });

  it('reads receivers and parenthesis-free calls', () => {
    const [call] = findCalls(
      tokenize('FileUtils.rm_rf "tmp", verbose: true', 'ruby'),
      new Set(['rm_rf']),
      true,
    );
    expect(call).toMatchObject({ name: 'rm_rf', receiver: ['FileUtils'], parenthesized: false });
    expect(call!.args[0]!.map((t) => t.text)).toEqual(['tmp']);
    const [unlink] = findCalls(
      tokenize("Path('a/b').unlink(missing_ok=True)", 'python'),
      new Set(['unlink']),
    );
    expect(unlink!.receiverCall).toMatchObject({ name: 'Path' });
  });
});
