import type { Effect, Risk } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { classifyPath, resolvePath } from './paths.js';

// `sort data.csv > data.csv`, `jq . config.json > config.json`, `sops -d prod.enc.yaml > prod.enc.yaml`: the
// shell empties the file for the redirection before the program opens it to read, so the program reads
// nothing and writes nothing back. What the file held is gone. A `>` to an ordinary project file is everyday
// editing, so this was allowed; the file named twice is what makes it a loss.

/** Programs that read the files they are given (or their stdin) and print a result. */
const READERS = [
  'cat',
  'sort',
  'uniq',
  'cut',
  'head',
  'tail',
  'grep',
  'egrep',
  'fgrep',
  'sed',
  'awk',
  'gawk',
  'jq',
  'yq',
  'sops',
  'column',
  'fmt',
  'fold',
  'iconv',
  'xmllint',
  'base64',
  'envsubst',
  'tac',
  'rev',
  'nl',
  'expand',
  'unexpand',
  'paste',
  'tr',
  'gzip',
  'gunzip',
  'zcat',
  'openssl',
  'gpg',
  'prettier',
  'black',
  'dos2unix',
  'unix2dos',
];

const TRUNCATING = new Set(['>', '>|', '&>', '&>|']);

export const sameFileRedirectAnalyzer: Analyzer = {
  family: 'same-file-redirect',
  commands: READERS,
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv: Invocation): Effect[] {
    const resolve = (p: string) => (inv.remote ? p : resolvePath(p, inv.facts.cwd, inv.facts.home));
    const read = new Set<string>();
    for (const w of inv.args) if (!w.dynamic && !w.value.startsWith('-')) read.add(resolve(w.value));
    for (const r of inv.redirects)
      if (r.operator === '<' && !r.target.dynamic) read.add(resolve(r.target.value));
    const effects: Effect[] = [];
    for (const r of inv.redirects) {
      if (!TRUNCATING.has(r.operator) || r.target.dynamic || (r.descriptor && r.descriptor !== '1')) continue;
      const path = resolve(r.target.value);
      if (!read.has(path)) continue;
      const cls = classifyPath(path, {
        cwd: inv.facts.cwd,
        home: inv.facts.home,
        recursive: false,
        remote: inv.remote,
      });
      const risk: Risk = cls.risk === 'critical' || cls.risk === 'high' ? 'high' : 'medium';
      effects.push({
        operation: 'modify',
        tool: inv.name,
        target: path,
        reversible: false,
        risk,
        reason: `${inv.name} reads ${path} after \`${r.operator}\` has emptied it: the file is left empty (${cls.why})`,
        category: 'file',
      });
    }
    return effects;
  },
};
