import type { Word } from './words.js';

/** Which options of a command take a value; everything else starting with '-' is a flag. */
export interface OptionSpec {
  /** Options that consume the next word (or `--opt=value`, or `-ovalue` for one-letter ones). */
  withValue?: readonly string[];
  /** Stop option parsing at the first positional (like POSIX getopt with '+'). */
  stopAtFirstPositional?: boolean;
  /**
   * Long options the program also accepts abbreviated (git's parse-options takes any unique prefix:
   * `--har` is `--hard`). A `--prefix` of one of them is recorded under its own name and under every
   * option listed here it begins, so list only options whose presence makes a command more dangerous.
   */
  abbreviations?: readonly string[];
}

export interface ParsedOptions {
  /** Every option seen, with its value ('' for flags). Repeated options keep every value. */
  options: Map<string, string[]>;
  positionals: Word[];
  /** Index in the input of the first word after option parsing stopped (for wrappers). */
  restIndex: number;
}

/** Each list of options with a value, as a set built once: the lists are constants, some long (kubectl's). */
const valueSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

function withValueSet(list: readonly string[] | undefined): ReadonlySet<string> {
  if (!list) return NONE;
  let set = valueSets.get(list);
  if (!set) valueSets.set(list, (set = new Set(list)));
  return set;
}

/** A small getopt: understands `-abc` clusters, `-o value`, `-ovalue`, `--long value`, `--long=value`, `--`. */
export function parseOptions(words: readonly Word[], spec: OptionSpec = {}): ParsedOptions {
  const withValue = withValueSet(spec.withValue);
  const abbreviations = spec.abbreviations ?? [];
  const expand = (name: string) =>
    name.length > 2 ? abbreviations.filter((a) => a !== name && a.startsWith(name)) : [];
  const options = new Map<string, string[]>();
  const positionals: Word[] = [];
  const add = (name: string, value: string) => {
    const list = options.get(name);
    if (list) list.push(value);
    else options.set(name, [value]);
  };
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const text = w.value;
    if (text === '--' && !w.dynamic) {
      positionals.push(...words.slice(i + 1));
      return { options, positionals, restIndex: i + 1 };
    }
    if (w.dynamic || !text.startsWith('-') || text === '-') {
      if (spec.stopAtFirstPositional)
        return { options, positionals: [...positionals, ...words.slice(i)], restIndex: i };
      positionals.push(w);
      continue;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq >= 0 ? text.slice(0, eq) : text;
      const names = [name, ...expand(name)];
      let value = '';
      if (eq >= 0) value = text.slice(eq + 1);
      else if (names.some((n) => withValue.has(n)) && i + 1 < words.length) value = words[++i]!.value;
      for (const n of names) add(n, value);
      continue;
    }
    // Single-dash: a long-style option listed whole (-auto-approve, -target=x) or a cluster of letters.
    const eq = text.indexOf('=');
    const whole = eq >= 0 ? text.slice(0, eq) : text;
    if (whole.length > 2 && withValue.has(whole)) {
      if (eq >= 0) add(whole, text.slice(eq + 1));
      else if (i + 1 < words.length) add(whole, words[++i]!.value);
      else add(whole, '');
      continue;
    }
    if (whole.length > 2 && !withValue.has(`-${text[1]}`) && /^-[a-zA-Z][a-zA-Z-]+/.test(whole) && eq >= 0) {
      add(whole, text.slice(eq + 1));
      continue;
    }
    for (let j = 1; j < text.length; j++) {
      const flag = `-${text[j]}`;
      if (withValue.has(flag)) {
        const rest = text.slice(j + 1);
        if (rest) add(flag, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < words.length) add(flag, words[++i]!.value);
        else add(flag, '');
        break;
      }
      add(flag, '');
    }
    // Keep the whole token too, so analyzers can test single-dash long options such as -auto-approve.
    if (text.length > 2) add(whole, eq >= 0 ? text.slice(eq + 1) : '');
  }
  return { options, positionals, restIndex: i };
}

export function hasOption(parsed: ParsedOptions, ...names: string[]): boolean {
  return names.some((n) => parsed.options.has(n));
}

export function optionValue(parsed: ParsedOptions, ...names: string[]): string | undefined {
  for (const n of names) {
    const values = parsed.options.get(n);
    if (values && values.length > 0) return values[values.length - 1];
  }
  return undefined;
}

export function optionValues(parsed: ParsedOptions, ...names: string[]): string[] {
  return names.flatMap((n) => parsed.options.get(n) ?? []);
}
