import { visible } from '../../core/text.js';

// HTML built from a tagged template in which every interpolated string is inert: made visible first (no
// escape sequence, control or bidi character survives as itself, see src/core/text.ts), then HTML-escaped.
// Only another `html` fragment goes in as it is. Nothing agent-controlled can become markup by accident.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false || part === true) return '';
  return escapeHtml(visible(String(part)));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Text whose line breaks mean something (a multi-line command): inert, with its newlines kept. */
export function multiline(text: string): Html {
  return new Html(escapeHtml(visible(text, { newlines: true })));
}
