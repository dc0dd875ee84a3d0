import type { Effect } from '../core/types.js';
import { parseSedScript, sedMayHide, sedRun } from '../shell/sed-script.js';
import type { Analyzer } from './analyzer.js';
import { judgeAll, sensitiveContext, type Target } from './guarded-writes/judge.js';
import { shellEffect } from './interpreters/calls.js';
import { readProgramFile } from './program-files.js';

// `sed -f edit.sed notes.txt`: the script is the file's text, read as a script given on the command line is
// (src/shell/sed-script.ts): its `e COMMAND` lines run through the shell, `e` alone and `s///e` run the
// edited text, `w FILE` writes FILE. A script on the command line is read where the shell peels it
// (src/shell/escapes.ts) and where writes are guarded (guarded-writes/tools.ts).

export const sedScriptFilesAnalyzer: Analyzer = {
  family: 'sed-script-files',
  commands: ['sed', 'gsed'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    const run = sedRun(inv.args);
    if (run.sandboxed) return [];
    return run.scriptFiles.flatMap((name): Effect[] => {
      const given = inv.args.find((w) => w.value === name) ?? { value: name, dynamic: false };
      const read = readProgramFile(inv, given);
      if (read.kind === 'none') return [];
      if (read.kind === 'unverifiable') return [read.effect];
      const script = parseSedScript(read.text);
      const where = { where: name };
      const targets = script.writes.map((path): Target => ({ path, mode: 'file' }));
      const writes = judgeAll(targets, sensitiveContext(inv.facts), inv.name, 'writes').map((e) => ({
        ...e,
        ...where,
      }));
      return [
        ...[...script.shellCommands, ...script.replacementCommands].map((text) => ({
          ...shellEffect(inv.name, 'e', text),
          ...where,
        })),
        ...(script.runsItsInput || sedMayHide(read.text, script)
          ? [
              {
                ...shellEffect(inv.name, script.runsItsInput ? 'e' : 'a script read otherwise', undefined),
                ...where,
              },
            ]
          : []),
        ...writes,
      ];
    });
  },
};
