import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { resolvePath } from '../paths.js';

/** Where an IaC tool acts: a stack directory or name, and the environment facts that come with it. */
export interface Scope {
  tool: string;
  /** What the whole-stack effects name as their target (a directory, a stack name). */
  label: string;
  hints: EnvironmentHint[];
}

export function effect(
  scope: Scope,
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  category: string,
  extraHints: EnvironmentHint[] = [],
): Effect {
  return {
    operation,
    tool: scope.tool,
    target,
    reversible: false,
    risk,
    reason,
    hints: [...scope.hints, ...extraHints],
    category,
  };
}

/**
 * The index of the subcommand: the first word that is a known command, skipping the values of known
 * value options. An unknown word is passed over (it may be the value of an option we do not know), so
 * `pulumi --config-file Pulumi.prod.yaml destroy` still finds `destroy`. A run-time computed word met
 * before any known command returns 'dynamic'.
 */
export function locateSubcommand(
  words: readonly Word[],
  known: ReadonlySet<string>,
  valueOptions: ReadonlySet<string>,
): number | 'dynamic' | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.dynamic) {
      if (!w.value.startsWith('-')) return 'dynamic';
      continue;
    }
    if (w.value.startsWith('-')) {
      if (!w.value.includes('=') && valueOptions.has(w.value)) i++;
      continue;
    }
    if (known.has(w.value)) return i;
  }
  return undefined;
}

/**
 * A path as an environment hint: the part below a home directory only, because a user name ("dev")
 * says nothing about the environment while `infra/envs/prod` does.
 */
export function pathHintValue(path: string, home: string): string | undefined {
  let p = path;
  if (home && home !== '/' && (p === home || p.startsWith(`${home}/`))) p = p.slice(home.length);
  p = p.replace(/^\/(home|Users)\/[^/]+(\/|$)/, '/');
  p = p.replace(/^\/+/, '');
  return p === '' ? undefined : p;
}

/** Resolve a directory the tool is pointed at (or the cwd) and describe it as a hint (weak: a folder name). */
export function directory(
  inv: Invocation,
  given: string | undefined,
  source: string,
): { path: string; hint?: EnvironmentHint } {
  if (inv.remote) {
    // On another machine our cwd means nothing; only an explicit directory says something.
    if (given === undefined) return { path: '<remote working directory>' };
    return { path: given, hint: { source, value: given, weak: true } };
  }
  const path = given === undefined ? inv.facts.cwd : resolvePath(given, inv.facts.cwd, inv.facts.home);
  const value = pathHintValue(path, inv.facts.home);
  return value === undefined ? { path } : { path, hint: { source, value, weak: true } };
}

/** Names of variables, parameters and context keys that usually carry the environment's name. */
const ENVIRONMENT_KEY = /(^|[-_.])(env|environment|stage|tier|workspace|account|deployment|config)$/i;

function isEnvironmentKey(key: string): boolean {
  return ENVIRONMENT_KEY.test(key);
}

/** `env=prod` → a hint if the key names an environment. */
export function keyValueHint(source: string, text: string): EnvironmentHint | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const key = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  if (!value || !isEnvironmentKey(key)) return undefined;
  return { source: `${source} ${key}`, value };
}

/**
 * A resource or stack name as a hint. PascalCase names (BillingProdStack) are also given split into
 * words, because environment patterns match whole words. Weak unless the name selects the environment
 * (a Pulumi stack given with --stack).
 */
export function nameHints(source: string, value: string, weak = true): EnvironmentHint[] {
  if (!value) return [];
  const mark = weak ? { weak: true as const } : {};
  const hints: EnvironmentHint[] = [{ source, value, ...mark }];
  const split = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  if (split !== value) hints.push({ source: `${source} (words)`, value: split, ...mark });
  return hints;
}

/** A value Go's flag package reads as true (`-auto-approve`, `-auto-approve=true`). */
export function isTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  return !['false', '0', 'f', 'F', 'FALSE', 'False'].includes(value);
}

/** A subcommand computed at run time (`sam "$VERB"`): it could delete the stack. Nothing for no subcommand. */
export function dynamicOrNothing(inv: Invocation, index: 'dynamic' | undefined): Effect[] {
  if (index === undefined) return [];
  const scope: Scope = { tool: inv.name, label: inv.text, hints: [] };
  return [
    effect(
      scope,
      'execute-unverifiable',
      'high',
      inv.text,
      `the ${inv.name} subcommand is computed at run time (it could delete a stack)`,
      'stack',
    ),
  ];
}
