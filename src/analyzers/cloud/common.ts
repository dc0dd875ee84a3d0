import { dedupeHints } from '../../core/environment.js';
import type { Access, Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';

// Shared pieces of the cloud CLIs: their argument style, effect building and environment hints.

/** Options and positionals of a cloud CLI call. Option values keep their words (they may be dynamic). */
export interface CloudArgs {
  options: Map<string, Word[]>;
  positionals: Word[];
}

export interface CloudArgSpec {
  /** Options that never take a value. Any `--no-…` option is a flag too. */
  flags?: ReadonlySet<string>;
  /** Options that always take the next word as their value. */
  values?: ReadonlySet<string>;
  /** Options not listed are flags (otherwise they take the next word when it is not an option). */
  unknownIsFlag?: boolean;
  /** An option takes every following word up to the next option (aws lists, az `--ids a b`). */
  multi?: boolean;
}

function isOption(w: Word): boolean {
  return !w.dynamic && w.value.startsWith('-') && w.value !== '-' && !/^-\d/.test(w.value);
}

/**
 * Cloud CLIs are not getopt: long options take a value unless they are boolean switches, and a value
 * can be a list. We read `--opt=value`, `--opt value`, `--opt v1 v2` (multi) and `--`.
 */
export function parseCloudArgs(words: readonly Word[], spec: CloudArgSpec = {}): CloudArgs {
  const options = new Map<string, Word[]>();
  const positionals: Word[] = [];
  const add = (name: string, values: Word[]) => options.set(name, [...(options.get(name) ?? []), ...values]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.value === '--' && !w.dynamic) {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (!isOption(w)) {
      positionals.push(w);
      continue;
    }
    const eq = w.value.indexOf('=');
    if (eq > 0) {
      add(w.value.slice(0, eq), [{ value: w.value.slice(eq + 1), dynamic: w.dynamic }]);
      continue;
    }
    const name = w.value;
    if (spec.flags?.has(name) || name.startsWith('--no-')) {
      add(name, []);
      continue;
    }
    if (spec.values?.has(name)) {
      const next = words[i + 1];
      add(name, next ? [next] : []);
      if (next) i++;
      if (!spec.multi) continue;
    } else if (spec.unknownIsFlag) {
      add(name, []);
      continue;
    }
    const values: Word[] = [];
    while (i + 1 < words.length && !isOption(words[i + 1]!) && words[i + 1]!.value !== '--') {
      values.push(words[++i]!);
      if (!spec.multi) break;
    }
    add(name, values);
  }
  return { options, positionals };
}

export function has(args: CloudArgs, ...names: string[]): boolean {
  return names.some((n) => args.options.has(n));
}

/** The last value given to any of these options. */
export function value(args: CloudArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const words = args.options.get(n);
    if (words && words.length > 0) return words[words.length - 1]!.value;
  }
  return undefined;
}

export function values(args: CloudArgs, ...names: string[]): string[] {
  return names.flatMap((n) => (args.options.get(n) ?? []).map((w) => w.value));
}

/** A boolean switch that may also be written `--flag true|false`. */
export function switchOn(args: CloudArgs, name: string): boolean {
  if (!args.options.has(name)) return false;
  const v = value(args, name);
  return v === undefined || !/^(false|no|0)$/i.test(v);
}

/** Whether an option is set to zero (`--size 0`, `--size=0`). */
export function isZero(args: CloudArgs, ...names: string[]): string | undefined {
  return names.find((n) => values(args, n).some((v) => /^0+$/.test(v.trim())));
}

/**
 * Keys set to zero inside a structured value: shorthand `desiredSize=0,maxSize=2` or JSON
 * `{"desiredSize": 0}`. Returns the first key found at zero.
 */
export function zeroKey(text: string, keys: readonly string[]): string | undefined {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return findZero(JSON.parse(trimmed) as unknown, wanted);
    } catch {
      return undefined;
    }
  }
  for (const pair of trimmed.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim();
    if (wanted.has(key.toLowerCase()) && /^0+$/.test(pair.slice(eq + 1).trim())) return key;
  }
  return undefined;
}

function findZero(data: unknown, keys: ReadonlySet<string>): string | undefined {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findZero(item, keys);
      if (found) return found;
    }
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if (keys.has(k.toLowerCase()) && (v === 0 || v === '0')) return k;
      const found = findZero(v, keys);
      if (found) return found;
    }
  }
  return undefined;
}

export function hintsFrom(source: string, ...vals: (string | undefined)[]): EnvironmentHint[] {
  return vals.filter((v): v is string => !!v && v.trim() !== '').map((v) => ({ source, value: v }));
}

/** Resource names as hints: weak, they may raise the environment to production, never lower it. */
export function nameHintsFrom(source: string, ...vals: (string | undefined)[]): EnvironmentHint[] {
  return hintsFrom(source, ...vals).map((h) => ({ ...h, weak: true }));
}

/** The first variable of the list that is set, as a hint (a tool reads them in this order of precedence). */
export function firstEnvHint(inv: Invocation, ...names: string[]): EnvironmentHint[] {
  for (const n of names) {
    const v = inv.env(n);
    if (v) return [{ source: `env ${n}`, value: v }];
  }
  return [];
}

export interface EffectSpec {
  operation: Operation;
  target: string;
  risk: Risk;
  reason: string;
  category?: string | undefined;
  reversible?: boolean;
  hints?: EnvironmentHint[];
  access?: Access;
}

export function cloudEffect(tool: string, spec: EffectSpec): Effect {
  const effect: Effect = {
    operation: spec.operation,
    tool,
    target: spec.target,
    reversible: spec.reversible ?? !['delete', 'replace'].includes(spec.operation),
    risk: spec.risk,
    reason: spec.reason,
  };
  if (spec.hints && spec.hints.length) effect.hints = dedupeHints(spec.hints);
  if (spec.category) effect.category = spec.category;
  if (spec.access) effect.access = spec.access;
  return effect;
}

/** Marks a deletion as aggravated by a flag that throws away the way back. */
export function aggravate(effect: Effect, why: string): void {
  effect.risk = 'critical';
  effect.reversible = false;
  effect.reason += `; ${why}`;
}

/** A bucket URL (s3://b/key, gs://b/key): the bucket, the key and whether it names the whole bucket. */
export interface BucketUrl {
  scheme: string;
  bucket: string;
  key: string;
  /** The URL names every object of the bucket (no key, or only a wildcard). */
  whole: boolean;
  /** A location computed at run time (`$URL`, arguments from xargs): it could be any bucket. */
  dynamic?: boolean;
}

/** Parses s3:// and gs:// URLs; a word computed at run time counts as an unknown bucket location. */
export function bucketUrl(text: string | Word): BucketUrl | undefined {
  const w = typeof text === 'string' ? { value: text, dynamic: false } : text;
  const m = /^([a-z0-9]+):\/\/([^/]+)\/?(.*)$/i.exec(w.value);
  if (!m || !['s3', 'gs'].includes(m[1]!.toLowerCase()))
    return w.dynamic ? { scheme: '?', bucket: w.value, key: '', whole: false, dynamic: true } : undefined;
  const key = m[3] ?? '';
  return {
    scheme: m[1]!.toLowerCase(),
    bucket: m[2]!,
    key,
    whole: key === '' || /^\*+$/.test(key),
  };
}

export function bucketHints(urls: readonly (BucketUrl | undefined)[]): EnvironmentHint[] {
  return urls.flatMap((u) =>
    u && !u.dynamic ? [{ source: 'bucket', value: u.bucket, weak: true as const }] : [],
  );
}

/** How a location reads in a target: the URL, or the run-time expression as written. */
export function showUrl(u: BucketUrl): string {
  return u.dynamic ? u.bucket : `${u.scheme}://${u.bucket}${u.key ? `/${u.key}` : ''}`;
}

/** A CIDR block that is every address (`0.0.0.0/0`, `::/0`, any `/0`), anywhere in an option's text. */
/**
 * A range that takes in the whole internet or a large part of it: any /0, and ranges of /1 to /7 (each of
 * 0.0.0.0/1 and 128.0.0.0/1 is half of every address: two such rules are one /0).
 */
export const anyAddress = (text: string): boolean => /(^|[^\w.:])([\d.]+|[\da-f:]+)\/[0-7](?!\d)/i.test(text);
