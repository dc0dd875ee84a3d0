import { shebangShell } from '../../shell/wrappers.js';
import { UNKNOWN_VALUE, type Recipe, type TaskReader } from './types.js';

// A small reader for justfile structure: recipes (parameters, dependencies, body lines), aliases and
// variables set to a quoted string. The body lines are shell, assessed by the shell parser.

interface Parameter {
  name: string;
  variadic: boolean;
  fallback?: string;
}

interface JustRecipe {
  parameters: Parameter[];
  dependencies: string[];
  body: { text: string; line: number }[];
}

interface Justfile {
  recipes: Map<string, JustRecipe>;
  order: string[];
  aliases: Map<string, string>;
  variables: Map<string, string | undefined>;
  unfollowed: string[];
}

const HEADER = /^@?([A-Za-z_][\w-]*)([^:]*?)\s*:(?!=)(.*)$/;
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*)$/;
const QUOTED = /^(?:"([^"\\]*)"|'([^']*)')\s*(#.*)?$/;

const unquote = (text: string) =>
  QUOTED.exec(text.trim())
    ?.slice(1, 3)
    .find((v) => v !== undefined);

function parameters(text: string): Parameter[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => {
      const [head = '', value] = p.split(/=(.*)/s);
      const fallback = value === undefined ? undefined : (unquote(value) ?? value);
      return {
        name: head.replace(/^[+*$]+/, ''),
        variadic: /^\$?[+*]/.test(head),
        ...(fallback === undefined ? {} : { fallback }),
      };
    });
}

/** `a (b "x") && c`: the names of the recipes a recipe depends on. */
const dependencies = (text: string) =>
  [...text.replace(/#.*$/, '').matchAll(/\(\s*([\w-]+)[^)]*\)|([\w-]+)/g)].map((m) => (m[1] ?? m[2])!);

function parseJustfile(text: string): Justfile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const file: Justfile = {
    recipes: new Map(),
    order: [],
    aliases: new Map(),
    variables: new Map(),
    unfollowed: [],
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s/.test(line) || line.startsWith('#') || line.startsWith('[')) continue;
    const alias = /^alias\s+([\w-]+)\s*:=\s*([\w-]+)/.exec(line);
    if (alias) file.aliases.set(alias[1]!, alias[2]!);
    else if (/^(import|mod)\b/.test(line)) file.unfollowed.push(`${line.split(/\s+/)[0]} (line ${i + 1})`);
    else if (/^(set|unexport)\b/.test(line)) continue;
    else if (ASSIGNMENT.test(line)) {
      const [, name, value] = ASSIGNMENT.exec(line)!;
      file.variables.set(name!, unquote(value!));
    } else {
      const header = HEADER.exec(line);
      if (!header) continue;
      const body: JustRecipe['body'] = [];
      let indent: string | undefined;
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || /^\s/.test(lines[i + 1]!))) {
        const next = lines[++i]!;
        if (next.trim() === '') continue;
        indent ??= /^\s*/.exec(next)![0];
        body.push({
          text: next.startsWith(indent) ? next.slice(indent.length) : next.trimStart(),
          line: i + 1,
        });
      }
      const name = header[1]!;
      if (!file.recipes.has(name)) file.order.push(name);
      file.recipes.set(name, {
        parameters: parameters(header[2]!),
        dependencies: dependencies(header[3]!),
        body,
      });
    }
  }
  return file;
}

/** `{{ name }}` replaced by a parameter's or a variable's value; any other expression is unknown. */
function interpolate(text: string, values: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\{\{\{\{|\{\{\s*(.*?)\s*\}\}/g, (whole, expr: string | undefined) => {
    if (expr === undefined) return '{{';
    return (/^[A-Za-z_][\w-]*$/.test(expr) ? values.get(expr) : undefined) ?? UNKNOWN_VALUE;
  });
}

/**
 * What `just [recipe args…]` runs: each recipe's dependencies first (each recipe once), then its body, one
 * line per shell (`@` and `-` prefixes dropped), or the whole body for a `#!` recipe of a shell. A recipe
 * under another `#!` (python) is a program like any other.
 */
export const readJustfile: TaskReader = (text, request, file) => {
  const just = parseJustfile(text);
  const words = request.tasks.length ? [...request.tasks] : just.order.slice(0, 1);
  if (!words.length) return { kind: 'none' };
  const recipes: Recipe[] = [];
  const visited = new Set<string>();
  const values = new Map<string, string | undefined>([
    ...just.variables,
    ...Object.entries(request.variables),
  ]);
  const visit = (asked: string, args: string[]): string | undefined => {
    const name = just.aliases.get(asked) ?? asked;
    const recipe = just.recipes.get(name);
    if (!recipe) return name;
    if (visited.has(name)) return undefined;
    visited.add(name);
    for (const d of recipe.dependencies) {
      const missing = visit(d, []);
      if (missing !== undefined) return missing;
    }
    const own = new Map(values);
    recipe.parameters.forEach((p, k) =>
      own.set(p.name, p.variadic ? args.slice(k).join(' ') || p.fallback : (args[k] ?? p.fallback)),
    );
    const body = recipe.body.map((l) => ({ text: interpolate(l.text, own), at: `${file}:${l.line}` }));
    const head = body[0]?.text ?? '';
    if (head.startsWith('#!')) {
      if (shebangShell(head) === 'shell')
        recipes.push({ name, lines: [{ text: body.map((l) => l.text).join('\n'), at: body[0]!.at }] });
    } else recipes.push({ name, lines: body.map((l) => ({ ...l, text: l.text.replace(/^[@-]+/, '') })) });
    return undefined;
  };
  for (let k = 0; k < words.length;) {
    const name = just.aliases.get(words[k]!) ?? words[k]!;
    const count = just.recipes.get(name)?.parameters.some((p) => p.variadic)
      ? words.length - k - 1
      : (just.recipes.get(name)?.parameters.length ?? 0);
    const missing = visit(words[k]!, words.slice(k + 1, k + 1 + count));
    if (missing !== undefined) {
      const unfollowed = just.unfollowed.length ? ` (it does not follow ${just.unfollowed[0]})` : '';
      return {
        kind: 'unknown',
        reason: `${file} has no recipe ${missing} that Interlock could find${unfollowed}`,
      };
    }
    k += 1 + count;
  }
  return { kind: 'found', recipes };
};
