// Text that an agent controls (a command, a path, a reason, a policy message…) shown to a person: in a
// terminal, a Slack message or a report. Nothing in it may act on the display: an escape sequence could
// clear the line above and print another command in its place, a carriage return could overwrite it, and a
// bidirectional override could make `rm -rf /` read as something else. Every such character is shown as a
// visible escape instead: ESC as `\x1b`, U+202E as `\u202e`.

/** Control (Cc) and format (Cf) characters, and the Unicode line and paragraph separators. */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

function escape(ch: string): string {
  const short = SHORT[ch];
  if (short) return short;
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/**
 * `text` with every control character (C0, DEL, C1: ESC, CR, BEL…), bidirectional control (U+202A–U+202E,
 * U+2066–U+2069, U+200E, U+200F, U+061C), invisible format character (zero-width spaces and joiners, BOM,
 * tag characters) and line or paragraph separator shown as a visible escape. A tab stays; a newline stays
 * only with `newlines: true`, where a line break means something (a multi-line command).
 */
export function visible(text: string, options: { newlines?: boolean } = {}): string {
  return text.replace(HIDDEN, (ch) => (ch === '\t' || (ch === '\n' && options.newlines) ? ch : escape(ch)));
}
