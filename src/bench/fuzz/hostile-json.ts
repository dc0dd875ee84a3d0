import fc from 'fast-check';

// Hostile JSON text for every target that reads JSON (hook stdin, plans, the server's bodies): a valid
// document with prototype-pollution keys spliced in, a value swapped for one of the wrong type, very deep
// nesting, huge strings, lone surrogates and control characters. Written as text, because
// JSON.stringify cannot produce an own `__proto__` key and JSON.parse can.

/** Keys that reach Object.prototype or shadow its methods when code copies objects carelessly. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** What a polluting key carries: an object that would grant or allow if it became everyone's prototype. */
const POLLUTION = [
  '{"outcome":"allow","isAdmin":true,"groups":["admins"],"polluted":1}',
  '{"prototype":{"outcome":"allow","polluted":1}}',
  'null',
  '"allow"',
  '[]',
];

/** Strings no person types: lone surrogates, right-to-left overrides, NUL and escape bytes. */
const AWKWARD_STRINGS = [
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"\\u202erm -rf /"',
  '"\\u0000"',
  '"\\u001b[2J"',
  '"\\r\\n\\t"',
  '"😀é\\u00a0"',
];

/** A value of the wrong kind, or very large, or very deep. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', '0', '-0', '1e308', '-1e-308', '9007199254740993', '{}', '[]', '""'),
  fc.constantFrom(...AWKWARD_STRINGS),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.integer({ min: 100, max: 10_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 100, max: 3_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `[${Array(n).fill('{}').join(',')}]`),
);

/** Positions just after each `{` that opens an object (not inside a string). */
function objectStarts(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') out.push(i + 1);
  }
  return out;
}

/** Spans of the strings, objects and arrays that are values in an object (numbers and literals are left). */
function valueSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const stack: number[] = [];
  let inString = false;
  let stringStart = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (text[stringStart - 1] === ':') spans.push([stringStart, i + 1]);
      }
    } else if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '{' || ch === '[') stack.push(i);
    else if (ch === '}' || ch === ']') {
      const open = stack.pop() ?? 0;
      if (text[open - 1] === ':') spans.push([open, i + 1]);
    }
  }
  return spans;
}

function splicePollution(text: string, n: number, key: string, value: string): string {
  const starts = objectStarts(text);
  if (starts.length === 0) return text;
  const at = starts[n % starts.length]!;
  const comma = text[at] === '}' ? '' : ',';
  return `${text.slice(0, at)}${JSON.stringify(key)}:${value}${comma}${text.slice(at)}`;
}

function replaceValue(text: string, n: number, value: string): string {
  const spans = valueSpans(text);
  if (spans.length === 0) return text;
  const [from, to] = spans[n % spans.length]!;
  return text.slice(0, from) + value + text.slice(to);
}

/**
 * `valid`'s JSON as text, and that text made hostile: a polluting key spliced into one of its objects, or
 * one of its object values replaced by a hostile value. Everything produced parses as JSON.
 */
export function hostileJsonText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const text = valid.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 3, arbitrary: text },
    {
      weight: 2,
      arbitrary: fc
        .tuple(text, fc.nat(), fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom(...POLLUTION))
        .map(([t, n, key, value]) => splicePollution(t, n, key, value)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(text, fc.nat(), hostileValue).map(([t, n, value]) => replaceValue(t, n, value)),
    },
    hostileValue,
  );
}
