// Changing a few values of a JSON file people edit by hand (an agent's MCP configuration) without touching the
// rest of its text: its layout, its key order, the arrays it keeps on one line. The file is read once more
// with the position of every value, and only the values that change are replaced, in the style of the text
// they replace. The caller checks the result against the whole-file JSON round trip and keeps that instead
// when they differ (a duplicate key, a layout this does not follow).

interface Located {
  start: number;
  end: number;
}

interface ObjectNode extends Located {
  kind: 'object';
  members: { key: string; keyStart: number; value: Node }[];
}

type Node = ObjectNode | (Located & { kind: 'array' | 'scalar' });

/** Where each value of `text` (valid JSON) is; undefined when it cannot be read. */
function locate(text: string): Node | undefined {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const string = (): string => {
    const start = at;
    at++; // the opening quote
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): Node => {
    space();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at++;
      const members: ObjectNode['members'] = [];
      space();
      if (text[at] === '}') at++;
      else
        for (;;) {
          space();
          const keyStart = at;
          const key = string();
          space();
          at++; // :
          members.push({ key, keyStart, value: value() });
          space();
          if (text[at++] === '}') break;
        }
      return { kind: 'object', start, end: at, members };
    }
    if (c === '[') {
      at++;
      space();
      if (text[at] === ']') at++;
      else
        for (;;) {
          value();
          space();
          if (text[at++] === ']') break;
        }
      return { kind: 'array', start, end: at };
    }
    if (c === '"') string();
    else while (at < text.length && !',}] \t\r\n'.includes(text[at]!)) at++;
    return { kind: 'scalar', start, end: at };
  };
  try {
    return value();
  } catch {
    return undefined;
  }
}

/** The whitespace that starts the line `at` is on. */
function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** An array of strings, written as `old` (the value it replaces, if any) is: on one line or one item a line. */
function renderStrings(items: readonly string[], text: string, old: Located | undefined, unit: string) {
  const words = items.map((s) => JSON.stringify(s));
  const previous = old ? text.slice(old.start, old.end) : undefined;
  if (previous !== undefined && !previous.includes('\n')) {
    const separator = /,\S/.test(previous.replace(/"(?:[^"\\]|\\.)*"/g, '""')) ? ',' : ', ';
    return `[${words.join(separator)}]`;
  }
  if (words.length === 0) return '[]';
  const closing = lineIndent(text, old?.start ?? 0);
  const itemIndent =
    old && previous?.includes('"') ? lineIndent(text, text.indexOf('"', old.start)) : closing + unit;
  return `[\n${words.map((w) => itemIndent + w).join(',\n')}\n${closing}]`;
}

/** One change: the string value of `key`, or the string-array value of `key` (added after `after` when absent). */
export interface TextEdit {
  /** The keys from the top of the file to the object that holds `key`. */
  object: readonly string[];
  key: string;
  value: string | readonly string[];
  after?: string;
}

/**
 * `text` with each edit made and every other byte kept; undefined when a value to change is not where the
 * edits say (the caller then writes the whole file).
 */
export function editJsonText(text: string, edits: readonly TextEdit[], unit: string): string | undefined {
  const root = locate(text);
  if (!root) return undefined;
  const splices: { start: number; end: number; insert: string }[] = [];
  for (const edit of edits) {
    let node: Node | undefined = root;
    for (const key of edit.object)
      node = node?.kind === 'object' ? node.members.findLast((m) => m.key === key)?.value : undefined;
    if (node?.kind !== 'object') return undefined;
    const member = node.members.findLast((m) => m.key === edit.key);
    if (member) {
      const old = member.value;
      if (typeof edit.value === 'string') splices.push({ ...old, insert: JSON.stringify(edit.value) });
      else if (old.kind === 'array')
        splices.push({ ...old, insert: renderStrings(edit.value, text, old, unit) });
      else return undefined;
      continue;
    }
    const after = node.members.findLast((m) => m.key === edit.after);
    if (!after) return undefined;
    const multiline = text.slice(node.start, node.end).includes('\n');
    const separator = multiline ? `\n${lineIndent(text, after.keyStart)}` : ' ';
    // A new array is laid out from the line of the key it follows, as if it had been there.
    const value =
      typeof edit.value === 'string'
        ? JSON.stringify(edit.value)
        : multiline
          ? renderStrings(edit.value, text, undefined, unit).replace(
              /\n/g,
              `\n${lineIndent(text, after.keyStart)}`,
            )
          : `[${edit.value.map((s) => JSON.stringify(s)).join(', ')}]`;
    splices.push({
      start: after.value.end,
      end: after.value.end,
      insert: `,${separator}${JSON.stringify(edit.key)}: ${value}`,
    });
  }
  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
  return out;
}
