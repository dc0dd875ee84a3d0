import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { inPlaceEditEffect } from './in-place-edit.js';
import { guardedForWrites, sensitiveContext } from './guarded-writes/judge.js';
import { sensitiveFile } from './sensitive-files.js';

// An in-place edit whose script keeps nothing: `sed -i d FILE`, `sed -i '1,$d' FILE`, `perl -0777 -pi -e
// 's/.*//s' src/*.ts`, `perl -pi -e '$_ = ""'`. Editing a project file in place is everyday work, rated low;
// one that empties every file it is given is a deletion of their content, by another name.

/** sed scripts that delete every line or replace each whole line with nothing. */
const SED_ERASES = /^\s*(d|[01],\$d|0~1d|\/(\^|\.\*|\$)\/d|\$!d;\s*d|s(.)\^?\.\*\$?\3\3[gp]*)\s*$/;
/** perl scripts that replace everything (or each line) with nothing. */
const PERL_ERASES =
  /^\s*(s(.)\^?(\.\*|\[\\s\\S\]\*)\$?\2\2[gsmx]*|\$_\s*=\s*(""|''|q\(\))|undef\s+\$_)\s*;?\s*$/;

const inPlace = (inv: Invocation) =>
  inv.args.some((w) => /^-[a-zA-Z0-9]*i/.test(w.value) || w.value.startsWith('--in-place'));

/** The script and the files of `sed -i [-e] SCRIPT FILE…` or `perl -pi -e SCRIPT FILE…`. */
function scriptAndFiles(inv: Invocation): { script?: string; files: string[] } {
  // BSD sed's `-i ''`: the empty word is -i's (backup suffix), not the script.
  const args = inv.args.map((w) => w.value).filter((a, i, all) => !(a === '' && all[i - 1] === '-i'));
  const e = args.findIndex((a) => a === '-e' || a === '--expression' || /^-[a-zA-Z0-9]*e$/.test(a));
  if (e >= 0) {
    const files = args.slice(e + 2).filter((a) => !a.startsWith('-'));
    return { script: args[e + 1], files };
  }
  if (inv.name === 'perl') return { files: [] };
  const [script, ...files] = args.filter((a) => !a.startsWith('-'));
  return script === undefined ? { files: [] } : { script, files };
}

/** A file the guarded-writes analyzer judges already (a system file, the agent's hooks). */
function guarded(inv: Invocation, file: string): boolean {
  if (inv.remote) return false;
  const found = sensitiveFile(file, sensitiveContext(inv.facts));
  return found !== undefined && guardedForWrites(found);
}

export const erasingEditsAnalyzer: Analyzer = {
  family: 'erasing-edits',
  commands: ['sed', 'gsed', 'perl'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    if (!inPlace(inv)) return [];
    const { script, files } = scriptAndFiles(inv);
    // Any other sed -i is an edit of each file, reported (low in the project) so that a later command
    // of the same line that runs the file is known to run the edited one (`sed -i … x.sh && bash x.sh`).
    // perl -i's edits are the interpreter analyzer's.
    const edits = () =>
      inv.name === 'perl'
        ? []
        : files
            .filter((f) => !f.includes('$') && !guarded(inv, f))
            .map((f) => inPlaceEditEffect(inv, f, (path) => `-i edits ${path} in place`));
    if (inv.args.some((w) => w.dynamic)) return edits();
    // With -n nothing is printed unless the script says so: a script that never prints leaves the file empty.
    const quiet = inv.args.some((w) => /^-[a-zA-Z]*n/.test(w.value) && !w.value.startsWith('--'));
    const prints =
      script !== undefined && (inv.name === 'perl' ? /\b(print|say|printf)\b/ : /[pPwW]/).test(script);
    const erases =
      script !== undefined &&
      ((quiet && !prints) || (inv.name === 'perl' ? PERL_ERASES : SED_ERASES).test(script));
    if (!erases) return edits();
    return files.map((file) => erasedFile(inv, file, `-i with \`${script}\``));
  },
};

/** A file an edit leaves empty: its content deleted, by another name (never less than medium). */
export function erasedFile(inv: Invocation, file: string, how: string): Effect {
  const edit = inPlaceEditEffect(inv, file, (path) => `${how} leaves ${path} empty`);
  return { ...edit, risk: edit.risk === 'high' ? 'high' : 'medium' };
}
