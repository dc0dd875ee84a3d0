import type { Effect } from '../core/types.js';
import type { Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { erasedFile } from './erasing-edits.js';
import { guardedWrite } from './guarded-writes.js';
import { inPlaceEditEffect } from './in-place-edit.js';
import { classifyPath, resolvePath } from './paths.js';

// An editor driven by commands instead of a person: `vim -es -c '%d' -c wq /etc/fstab`, `ex -sc 'g/^/d|x'
// hosts`, `nvim --headless +'%s/a/b/' +wq f`. The commands change the buffer and write it back: an edit
// in place, like `sed -i`, judged by the file. It was allowed (only `!` shell commands were read, escapes.ts).

const EDITORS = ['vim', 'vi', 'nvim', 'ex', 'view', 'gvim', 'nvi', 'rvim', 'vimdiff'];

/**
 * The files named: words that are not options, option values or `+CMD`. `-s` takes no value in ex mode
 * (`-es`, silent), so it is not among the options with one; nor is it read as a script here.
 */
function namedFiles(args: readonly Word[]): Word[] {
  const files: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.value === '--') return [...files, ...args.slice(i + 1)];
    if (w.value.startsWith('-') && w.value.length > 1) {
      if (/^-[a-zA-Z]*[cSuUiTwWtq]$/.test(w.value) || /^--(cmd|listen|server)$/.test(w.value)) i++;
      continue;
    }
    if (!w.value.startsWith('+')) files.push(w);
  }
  return files;
}

/** Ex commands that write the buffer (`w`, `wq`, `x`, `up`, `sav`, `wa`, `xa`), with `!` or not. */
const WRITES =
  /^(w|wr|wri|writ|write|wq|wqa|wqall|x|xi|xit|xa|xall|exi|exit|up|upd|upda|updat|update|sav|saveas|wa|wall)!?(\s|$)/;

/** The ex commands of each `-c`/`+` argument, split at `|` (a bar ends a command, as in vim). */
function exCommands(args: readonly string[]): string[] {
  const given: string[] = [];
  args.forEach((a, i) => {
    if ((/^-[a-zA-Z]*c$/.test(a) || a === '--cmd') && args[i + 1] !== undefined) given.push(args[i + 1]!);
    else if (a.startsWith('+') && a.length > 1) given.push(a.slice(1));
  });
  return given.flatMap((c) => c.split('|')).map((c) => c.replace(/^[:\s]+/, '').trim());
}

function editEffect(inv: Invocation, file: string): Effect {
  const guarded = inv.remote
    ? undefined
    : guardedWrite(resolvePath(file, inv.facts.cwd, inv.facts.home), inv.facts, inv.name, 'rewrites');
  return (
    guarded ?? inPlaceEditEffect(inv, file, (path) => `runs editor commands that change and write ${path}`)
  );
}

/**
 * Vim script functions that delete or write files by name: `call delete("/etc/passwd")`, `delete(dir, "rf")`,
 * `call writefile([], "/etc/hosts")`; their first (delete) or second (writefile) argument, when literal.
 */
function functionEffects(inv: Invocation, commands: readonly string[]): Effect[] {
  const effects: Effect[] = [];
  for (const c of commands) {
    for (const m of c.matchAll(/\b(delete|writefile|rename)\s*\(([^)]*)\)/g)) {
      // A literal string argument's value; anything else (expand(…), a variable) is computed at run time.
      const args = m[2]!.split(',').map((a) =>
        /^\s*(?:"([^"]*)"|'([^']*)')\s*$/
          .exec(a)
          ?.slice(1)
          .find((v) => v !== undefined),
      );
      const path = m[1] === 'writefile' || m[1] === 'rename' ? args[1] : args[0];
      if (m[1] === 'delete' && path !== undefined) {
        const recursive = args[1] === 'rf';
        const resolved = inv.remote ? path : resolvePath(path, inv.facts.cwd, inv.facts.home);
        const cls = classifyPath(resolved, {
          cwd: inv.facts.cwd,
          home: inv.facts.home,
          recursive,
          remote: inv.remote,
        });
        effects.push({
          operation: 'delete',
          tool: inv.name,
          target: resolved,
          reversible: false,
          risk: cls.risk === 'none' ? 'low' : cls.risk,
          reason: `${inv.name} runs delete() on ${resolved}: ${cls.why}`,
          category: 'file',
        });
      } else if (path !== undefined) effects.push(editEffect(inv, path));
      else
        effects.push({
          operation: 'delete',
          tool: inv.name,
          target: '<a path computed at run time>',
          reversible: false,
          risk: 'medium',
          reason: `${inv.name} runs ${m[1]}() on a path computed at run time`,
          category: 'file',
        });
    }
  }
  return effects;
}

/** The files an editor's own commands rewrite; none when they write nothing (or only quit). */
function scriptedEdits(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  const commands = exCommands(words);
  const called = functionEffects(inv, commands);
  if (called.length) return called;
  const writes = commands.some((c) => WRITES.test(c));
  // Writing with no change first rewrites the file as it was; `wq` alone after reading changes nothing.
  const changes = commands.some(
    (c) => c !== '' && !WRITES.test(c) && !/^(q|qa|qall|quit|q!|qa!|set\s|se\s|silent$)/.test(c),
  );
  if (!writes || !changes) return [];
  // `w! /etc/fstab`, `sav! FILE`: the buffer goes to that file; a bare `w` or `wq` to the file opened.
  const elsewhere = commands.flatMap((c) => {
    const m = /^(?:w|write|wq|x|xit|sav|saveas|up|update)!?\s+(?!!)(\S.*)$/.exec(c);
    return m ? [m[1]!.trim()] : [];
  });
  const files = [
    ...namedFiles(inv.args)
      .filter((w) => !w.dynamic)
      .map((w) => w.value),
    ...elsewhere,
  ];
  const erasing = erasesBuffer(commands);
  return files.map((file) =>
    erasing ? erasedFile(inv, file, `with \`${erasing}\``) : editEffect(inv, file),
  );
}

/** Ex commands that delete every line: `%d`, `1,$d`, `g/^/d`, `%delete _`. */
const ERASES = /^(%|[01],\$|g!?\/(\^|\.\*|\$)?\/)\s*d(e|el|ele|elet|elete)?!?(\s+_)?$/;
/** What may follow without putting text back: writes, quits, settings. */
const NOTHING_ADDED = /^(q|qa|qall|quit|q!|qa!|set\s.*|se\s.*|silent)$/;

/** The erasing command when the script deletes every line and adds nothing after it; undefined otherwise. */
function erasesBuffer(commands: readonly string[]): string | undefined {
  const at = commands.findIndex((c) => ERASES.test(c));
  if (at < 0) return undefined;
  const after = commands.slice(at + 1);
  return after.every((c) => c === '' || WRITES.test(c) || NOTHING_ADDED.test(c)) ? commands[at] : undefined;
}

export const editorScriptsAnalyzer: Analyzer = {
  family: 'editor-scripts',
  commands: EDITORS,
  local: true,
  environmentVariables: [],
  // Only scripted edits are known: an editor a person drives is not an action to judge.
  partial: true,
  analyze: scriptedEdits,
};
