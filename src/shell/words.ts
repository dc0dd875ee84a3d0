import { freshTempPath } from './fresh-temp-path.js';
import { writtenText } from './passed-text.js';
import type { SyntaxNode } from './syntax.js';

/** One shell word after quote removal. `dynamic` words contain expansions we could not resolve. */
export interface Word {
  value: string;
  dynamic: boolean;
}

export function word(value: string, dynamic = false): Word {
  return { value, dynamic };
}

export type VariableLookup = (name: string) => string | undefined;

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  e: '\x1b',
  '0': '\0',
};

/** `$'…'`: \n and friends, \xHH, \NNN (octal), \uHHHH, \UHHHHHHHH and \cX (`$'\x72m'` is rm). */
function unescapeAnsiC(text: string): string {
  return text.replace(
    /\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|c.|.)/gs,
    (m, escape: string) => {
      const code = /^[xuU]/.test(escape)
        ? parseInt(escape.slice(1), 16)
        : /^[0-7]/.test(escape)
          ? parseInt(escape, 8)
          : escape.startsWith('c') && escape.length === 2
            ? escape.charCodeAt(1) & 0x1f
            : undefined;
      if (code === undefined) return ANSI_C_ESCAPES[escape] ?? m;
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

function unescapeBare(text: string): string {
  // Outside quotes a backslash quotes the next character; a backslash-newline disappears.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      i++;
      if (text[i] !== '\n') out += text[i];
    } else out += c;
  }
  return out;
}

function unescapeDoubleQuoted(text: string): string {
  // Inside double quotes a backslash only escapes $ ` " \ and newline.
  return text.replace(/\\([$`"\\\n])/g, (_m, ch: string) => (ch === '\n' ? '' : ch));
}

function expansionName(node: SyntaxNode): string | undefined {
  if (node.type === 'simple_expansion') {
    const name = node.namedChildren[0];
    return name && (name.type === 'variable_name' || name.type === 'special_variable_name')
      ? name.text
      : undefined;
  }
  // ${NAME} only: any other operator (${#X}, ${X/a/b}, ${X:+y}) makes the value dynamic (see defaultValue).
  const inner = node.text.slice(2, -1);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? inner : undefined;
}

/**
 * `${NAME:-default}` / `${NAME-default}` (and `:=`/`=`, which also assign): the variable's value when it is
 * set (with the colon: set and not empty), else the default. A default with expansions or quotes in it is
 * left dynamic; any other operator is not handled here.
 */
function defaultValue(text: string, lookup: VariableLookup): Word | undefined {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?)[-=]([\s\S]*)\}$/.exec(text);
  if (!m) return undefined;
  const [, name, colon, fallback] = m as unknown as [string, string, string, string];
  const value = lookup(name);
  if (value !== undefined && !(colon && value === '')) return word(value);
  return /[$`\\'"]/.test(fallback) ? word(text, true) : word(fallback);
}

/** Evaluate a word node statically; expansions resolve through `lookup` or make the word dynamic. */
export function evaluateWord(node: SyntaxNode, lookup: VariableLookup): Word {
  switch (node.type) {
    case 'word':
    case 'number':
      return word(unescapeBare(node.text));
    case 'raw_string':
      return word(node.text.slice(1, -1));
    case 'ansi_c_string':
      return word(unescapeAnsiC(node.text.slice(2, -1)));
    case 'string': {
      let value = '';
      let dynamic = false;
      const inner = node.text.slice(1, -1);
      const start = node.startIndex + 1;
      let cursor = 0;
      for (const child of node.namedChildren) {
        if (!child) continue;
        const childStart = child.startIndex - start;
        if (childStart > cursor) value += unescapeDoubleQuoted(inner.slice(cursor, childStart));
        if (child.type === 'string_content') value += unescapeDoubleQuoted(child.text);
        else {
          const part = evaluateWord(child, lookup);
          value += part.value;
          dynamic ||= part.dynamic;
        }
        cursor = childStart + child.text.length;
      }
      if (cursor < inner.length) value += unescapeDoubleQuoted(inner.slice(cursor));
      return word(value, dynamic);
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      for (const child of node.children) {
        if (!child) continue;
        const part = child.isNamed ? evaluateWord(child, lookup) : word(unescapeBare(child.text));
        value += part.value;
        dynamic ||= part.dynamic;
      }
      return word(value, dynamic);
    }
    case 'simple_expansion':
    case 'expansion': {
      const withDefault = node.type === 'expansion' ? defaultValue(node.text, lookup) : undefined;
      if (withDefault) return withDefault;
      const name = expansionName(node);
      const resolved = name === undefined ? undefined : lookup(name);
      return resolved === undefined ? word(node.text, true) : word(resolved);
    }
    case 'command_substitution': {
      const printed = printedText(node, lookup);
      return printed === undefined ? word(node.text, true) : word(printed);
    }
    default:
      // process_substitution, arithmetic_expansion, brace expressions…
      return word(node.text, true);
  }
}

/**
 * A word written back as shell text that reads as the same word: static words single-quoted, dynamic ones
 * as they were written (their value is the expansion's text, `$X`, which the shell expands again).
 */
export function quoteWord(w: Word): string {
  if (w.dynamic) return w.value;
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w.value) ? w.value : `'${w.value.replaceAll("'", `'\\''`)}'`;
}

/**
 * `$(printf '%s ' rm -rf /)`, `$(echo rm)`, `$(mktemp -d)`: the text a substitution of one echo, printf or
 * mktemp of static words prints, without its trailing newlines (as the shell takes it); undefined otherwise.
 */
function printedText(node: SyntaxNode, lookup: VariableLookup): string | undefined {
  const inner = node.namedChildren.filter((c) => c !== null);
  const command = inner[0];
  if (inner.length !== 1 || command?.type !== 'command' || command.childrenForFieldName('redirect').length)
    return undefined;
  const name = command.childForFieldName('name');
  if (!name || name.text.includes('$')) return undefined;
  const args = command.childrenForFieldName('argument').map((a) => (a ? evaluateWord(a, lookup) : undefined));
  if (args.some((a) => a === undefined || a.dynamic)) return undefined;
  const values = args.map((a) => a!.value);
  const printed = writtenText(name.text, values) ?? freshTempPath(name.text, values, lookup('TMPDIR'));
  return printed?.replace(/\n+$/, '');
}
