import { expandMake, type Expansion } from './makefile-expand.js';
import { parseMakefile, type MakeRule, type Makefile } from './makefile-parse.js';
import type { Recipe, TaskReader } from './types.js';

/** More targets than this in one run is more than this reader follows. */
const MAX_TARGETS = 200;

/** The first target that is not special (`.PHONY`) nor a pattern, unless `.DEFAULT_GOAL` names one. */
function defaultGoal(made: Makefile): string | undefined {
  const chosen = made.variables.get('.DEFAULT_GOAL');
  if (chosen) return chosen.trim();
  return made.order.find((t) => (!t.startsWith('.') || t.includes('/')) && !t.includes('%'));
}

/** The rules under their names as make reads them: `$(VENV)/bin/activate:` is `.venv/bin/activate`. */
function named(made: Makefile, overrides: Readonly<Record<string, string>>): Makefile {
  const scope = { variables: made.variables, overrides, target: '', prerequisites: [] };
  const rules = new Map<string, MakeRule>();
  const order: string[] = [];
  for (const name of made.order) {
    const rule = made.rules.get(name)!;
    for (const expanded of name.includes('$')
      ? expandMake(name, scope).split(/\s+/).filter(Boolean)
      : [name]) {
      const known = rules.get(expanded);
      if (known)
        rules.set(expanded, {
          prerequisites: [...known.prerequisites, ...rule.prerequisites],
          recipe: [...known.recipe, ...rule.recipe],
        });
      else {
        rules.set(expanded, rule);
        order.push(expanded);
      }
    }
  }
  return { ...made, rules, order };
}

/** The pattern rule that makes `target` (`%config:` makes `defconfig`), with the stem `%` stands for. */
function patternRule(made: Makefile, target: string): { rule: MakeRule; stem: string } | undefined {
  for (const name of made.order) {
    const percent = name.indexOf('%');
    if (percent < 0) continue;
    const [before, after] = [name.slice(0, percent), name.slice(percent + 1)];
    if (target.length > before.length + after.length && target.startsWith(before) && target.endsWith(after))
      return { rule: made.rules.get(name)!, stem: target.slice(before.length, target.length - after.length) };
  }
  return undefined;
}

/** `@`, `-` and `+` before a recipe line: quiet, ignore errors, run even under `make -n`. */
const PREFIX = /^[\s@+-]*/;

/**
 * What `make [targets]` runs, in order: each target's prerequisites first (each target once), then its
 * recipe. A prerequisite no rule makes is a file. A target asked for that this reader did not find is
 * unknown: make may still know it (an included file, a pattern rule), so it is not taken as harmless.
 */
export const readMakefile: TaskReader = (text, request, file) => {
  const made = named(parseMakefile(text), request.variables);
  const goal = defaultGoal(made);
  const goals = request.tasks.length ? request.tasks : goal ? [goal] : [];
  if (!goals.length) return { kind: 'none' }; // make: no targets
  const ruleOf = (target: string, goal: boolean) =>
    made.rules.has(target)
      ? { rule: made.rules.get(target)!, stem: '' }
      : goal
        ? patternRule(made, target)
        : undefined;
  const missing = goals.find((g) => !ruleOf(g, true));
  if (missing !== undefined) {
    const unfollowed = made.unfollowed.length ? ` (it does not follow ${made.unfollowed[0]})` : '';
    return {
      kind: 'unknown',
      reason: `${file} has no target ${missing} that Interlock could find${unfollowed}`,
    };
  }
  const recipes: Recipe[] = [];
  const visited = new Set<string>();
  // A prerequisite without a rule of its own is a file (pattern rules that build files are not followed).
  const visit = (target: string, goal = false) => {
    if (visited.has(target) || visited.size > MAX_TARGETS) return;
    visited.add(target);
    const found = ruleOf(target, goal);
    if (!found) return;
    const { rule, stem } = found;
    const base = { variables: made.variables, overrides: request.variables, target, stem, prerequisites: [] };
    const prerequisites = rule.prerequisites
      .flatMap((p) => expandMake(stem ? p.replace('%', stem) : p, base).split(/\s+/))
      .filter(Boolean);
    for (const p of prerequisites) visit(p);
    const scope: Expansion = { ...base, prerequisites };
    const lines = rule.recipe
      .filter((l) => !request.dryRun || /\+/.test(PREFIX.exec(l.text)![0]) || /\$[({]MAKE[)}]/.test(l.text))
      .map((l) => ({
        text: expandMake(l.text.replace(PREFIX, ''), scope).replace(PREFIX, ''),
        at: `${file}:${l.line}`,
      }));
    if (lines.length) recipes.push({ name: target, lines });
  };
  for (const g of goals) visit(g, true);
  if (visited.size > MAX_TARGETS)
    return { kind: 'unknown', reason: `${file}: more than ${MAX_TARGETS} targets to follow` };
  return { kind: 'found', recipes };
};
