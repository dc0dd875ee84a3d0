import type { Effect } from '../../core/types.js';
import { tclScriptCommands } from '../../shell/expect.js';
import { quoteWord, word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { readProgramFile } from '../program-files.js';
import { shellEffect } from './calls.js';

// Tcl run by tclsh or wish (`tclsh <<< 'exec rm -rf /x'`, `tclsh cleanup.tcl`): read as expect's scripts
// are (shell/expect.ts), its `exec`, `file delete` and `open "|cmd"` each a command line judged as shell.

/** The effects of Tcl code `text` run by `tool`. */
export function tclEffects(text: string, dynamic: boolean, tool: string): Effect[] {
  return tclScriptCommands(word(text, dynamic), tool).map((inner) => {
    if (inner.kind === 'script') return shellEffect(tool, 'the Tcl script', inner.text);
    if (inner.kind === 'unverifiable') return shellEffect(tool, 'the Tcl script', undefined);
    const known = !inner.argv.some((w) => w.dynamic);
    return shellEffect(tool, 'the Tcl script', known ? inner.argv.map(quoteWord).join(' ') : undefined);
  });
}

/** The effects of the Tcl program file `file` (`tclsh cleanup.tcl`), read as other program files are. */
export function tclFileEffects(inv: Invocation, file: Word): Effect[] {
  const read = readProgramFile(inv, file);
  if (read.kind === 'none') return [];
  if (read.kind === 'unverifiable') return [read.effect];
  return tclEffects(read.text, false, inv.name).map((effect) => ({ ...effect, where: file.value }));
}
