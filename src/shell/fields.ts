// Field splitting: what bash does to the value of an unquoted expansion before it becomes words.

/** IFS when a script has not set it (bash never takes it from the environment). */
export const DEFAULT_IFS = ' \t\n';

const escape = (chars: string[]) => chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');

/**
 * `value` split at the characters of `ifs`: runs of IFS white space (space, tab, newline) separate fields
 * and are trimmed at both ends; each other IFS character, with the white space around it, ends a field,
 * so `a,,b` has an empty one and a trailing `,` none. An empty IFS splits nothing; an empty value is no field.
 */
export function splitFields(value: string, ifs: string): string[] {
  if (ifs === '') return value === '' ? [] : [value];
  const chars = [...new Set(ifs)];
  const white: string[] = chars.filter((c) => c === ' ' || c === '\t' || c === '\n');
  const other: string[] = chars.filter((c) => !white.includes(c));
  const ws = white.length ? `[${escape(white)}]` : '';
  const trimmed = ws ? value.replace(new RegExp(`^${ws}+|${ws}+$`, 'g'), '') : value;
  if (trimmed === '') return [];
  const delimiters = [
    ...(other.length ? [`${ws ? `${ws}*` : ''}[${escape(other)}]${ws ? `${ws}*` : ''}`] : []),
    ...(ws ? [`${ws}+`] : []),
  ];
  const fields = trimmed.split(new RegExp(delimiters.join('|')));
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}
