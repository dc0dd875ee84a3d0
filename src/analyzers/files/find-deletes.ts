import type { Effect, Risk } from '../../core/types.js';
import { parseFind, removesFound } from '../../shell/cli-options/find.js';
import { guardedActions, type FindNode } from '../../shell/cli-options/find-expression.js';
import type { Invocation } from '../analyzer.js';
import { isDependencyCacheName, isInside, isRegenerableName } from '../paths.js';
import { deletion } from './place.js';

// `find . -name '*.pyc' -delete` is cleanup; `find . -name '*.ts' -not -path './node_modules/*' -delete`
// deletes the project's sources. Both were low, because any filter counted as narrowing. In the project
// what the names match decides: junk that tools make (bytecode, editor swaps, build output) stays low,
// anything else (sources, data, or files picked by age or size alone) is a real deletion. Anywhere in the
// home directory, only directories that dependencies and caches alone fill (`node_modules`, `.pytest_cache`).

const FIND_FILTERS = new Set([
  '-name',
  '-iname',
  '-path',
  '-ipath',
  '-regex',
  '-iregex',
  '-newer',
  '-mtime',
  '-mmin',
  '-size',
  '-empty',
  '-user',
  '-wholename',
  '-iwholename',
  '-links',
  '-perm',
]);

/** Tests on the name or the path: what they match says what goes. */
const NAME_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename']);

/** Leftovers of editors and patch tools that no build lists: `x~`, `#x#`, `.#x`, source maps. */
const EDITOR_LEFTOVERS = /(~|^#.*#|^\.#.*|\.map)$/;

/** A glob's parts read by an example of what it matches: `./x/*.pyc` as `x.pyc`, `[ab]c` as `ac`. */
function patternParts(pattern: string): string[] {
  return pattern
    .replace(/\[([^\]])[^\]]*\]/g, '$1')
    .replace(/[*?]/g, 'x')
    .split('/')
    .filter((p) => p !== '' && p !== '.' && p !== 'x');
}

/** A name or path pattern (`*.pyc`, `__pycache__`, `./dist/x`) matching only files tools make again. */
function namesJunk(pattern: string): boolean {
  const parts = patternParts(pattern);
  const last = parts[parts.length - 1] ?? '';
  return parts.some(isRegenerableName) || EDITOR_LEFTOVERS.test(last);
}

/** A name or path pattern in a dependency or cache directory (`node_modules`, `./.tox/x`, `*.egg-info`). */
const namesCaches = (pattern: string) => patternParts(pattern).some(isDependencyCacheName);

/** Whether a test (or a group) narrows what passes it: every branch of a group must. */
function narrows(node: FindNode): boolean {
  switch (node.kind) {
    case 'primary':
      return FIND_FILTERS.has(node.primary.name);
    case 'not':
      return narrows(node.node);
    case 'and':
      return node.nodes.some(narrows);
    case 'or':
      return node.nodes.length > 0 && node.nodes.every(narrows);
  }
}

type Primary = Extract<FindNode, { kind: 'primary' }>['primary'];

/** A name test whose static pattern `names` accepts. */
const namedBy = (p: Primary, names: (pattern: string) => boolean) =>
  NAME_TESTS.has(p.name) && p.values.some((v) => !v.dynamic && names(v.value));

/** Junk: a junk name test, or `-empty` (nothing in it). */
const junkTest = (p: Primary) => p.name === '-empty' || namedBy(p, namesJunk);
const cacheTest = (p: Primary) => namedBy(p, namesCaches);

/** Whether only what `test` accepts passes a test; in a group, every branch. */
function passesOnly(node: FindNode, test: (p: Primary) => boolean): boolean {
  switch (node.kind) {
    case 'primary':
      return test(node.primary);
    case 'not':
      return false;
    case 'and':
      return node.nodes.some((n) => passesOnly(n, test));
    case 'or':
      return node.nodes.length > 0 && node.nodes.every((n) => passesOnly(n, test));
  }
}

const LOWERED: Record<Risk, Risk> = {
  critical: 'high',
  high: 'high',
  medium: 'low',
  low: 'low',
  none: 'none',
};

export function find(inv: Invocation): Effect[] {
  // Only a -delete where a primary stands is the action: `-user -delete` is a user's name (see parseFind).
  // `-exec rm {} +` removes the same files, so it is judged the same (wrappers.ts leaves it to this).
  const { roots, primaries } = parseFind(inv.args);
  const deletes = guardedActions(primaries, (p) => p.name === '-delete' || removesFound(p));
  if (!deletes.length) return [];
  const first = deletes[0]!.action;
  const verb = `find ${first.name === '-delete' ? '-delete' : `${first.name} rm`} removes files under`;
  // What reaches an action is what passes the tests before it in its own -o branch and the groups around it.
  const filtered = deletes.every((d) => d.guard.some(narrows));
  const only = (test: (p: Primary) => boolean) =>
    deletes.every((d) => d.guard.some((n) => passesOnly(n, test)));
  const junk = only(junkTest);
  const caches = only(cacheTest);
  const { cwd, home } = inv.facts;
  return roots.map((root) => {
    const effect = deletion('find', inv, root, true, verb);
    if (!filtered) return effect;
    const here = (dir: string) => !root.dynamic && !inv.remote && isInside(effect.target, dir);
    // In a build-output or scratch directory everything is junk; elsewhere in the project, what the names say.
    const projectRisk: Risk = effect.risk === 'low' || effect.risk === 'none' || junk ? 'low' : 'medium';
    const homeCaches = caches && home !== '/' && here(home);
    effect.risk = here(cwd) ? projectRisk : homeCaches ? 'low' : LOWERED[effect.risk];
    effect.reason += junk ? ' (only files tools make again)' : ' (only files matching a filter)';
    return effect;
  });
}
