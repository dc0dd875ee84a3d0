import { hasOption, parseOptions } from '../shell/options.js';
import type { Analyzer } from './analyzer.js';
import { judgeAll, sensitiveContext } from './guarded-writes/judge.js';
import { writtenTargets } from './guarded-writes/tools.js';
import { redirectEffects } from './redirects.js';

// `echo 1 | tee /proc/sys/kernel/sysrq` writes what `echo 1 > /proc/sys/kernel/sysrq` writes, and
// `tee -a` appends as `>>` does: each file tee names is rated as that redirect is (paths.ts: system paths,
// data, power-granting files), so that piping through tee is no way around the redirect's rules. The files
// guarded-writes.ts judges for tee (the agent's hooks, Interlock's own) it keeps judging.

export const teeWritesAnalyzer: Analyzer = {
  family: 'tee-writes',
  commands: ['tee'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    const parsed = parseOptions(inv.args, { withValue: ['--output-error'] });
    const operator = hasOption(parsed, '-a', '--append') ? '>>' : '>';
    const guarded = new Set(
      inv.remote
        ? []
        : judgeAll(writtenTargets(inv.name, inv.args), sensitiveContext(inv.facts), inv.name).map(
            (e) => e.target,
          ),
    );
    // A file named at run time (`tee "$LOG"`, `tee >(gzip > x.gz)`) is left to what names it, as guarded-writes does.
    return parsed.positionals
      .filter((target) => !target.dynamic)
      .flatMap((target) => redirectEffects({ operator, target }, inv.facts, inv.remote, 'tee'))
      .filter((e) => !guarded.has(e.target));
  },
};
