// A report as plain blocks, rendered to Markdown and to HTML by two small renderers: both say the same.

export type Inline = string | { code: string } | { strong: string };
export type Text = Inline[];

export type Block =
  | { kind: 'h1' | 'h2' | 'h3'; text: Text }
  | { kind: 'p'; text: Text; tone?: 'ok' | 'bad' | 'warn' | 'note' }
  | { kind: 'ul'; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Text[][] };

export const code = (s: string): Inline => ({ code: s });
export const strong = (s: string): Inline => ({ strong: s });
