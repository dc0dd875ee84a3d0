import { visible } from '../../core/text.js';
import type { Block, Inline, Text } from './blocks.js';

// Every string goes through `visible` (src/core/text.ts): commands in the report are the agents', and no
// escape sequence or bidi override in them may act on the terminal or viewer that shows the report.

function inline(i: Inline, inTable: boolean): string {
  if (typeof i === 'string') {
    const escaped = visible(i).replace(/([\\*_[\]<>#])/g, '\\$1');
    return inTable ? escaped.replace(/\|/g, '\\|').replace(/\n/g, ' ') : escaped;
  }
  if ('strong' in i) return `**${inline(i.strong, inTable)}**`;
  const shown = visible(i.code);
  const body = inTable ? shown.replace(/\|/g, '\\|') : shown;
  const ticks = '`'.repeat(Math.max(1, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

const text = (t: Text, inTable = false) => t.map((i) => inline(i, inTable)).join('');

const MARK = { ok: '✅ ', bad: '❌ ', warn: '⚠️ ', note: '' } as const;

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h1':
        out.push(`# ${text(b.text)}`);
        break;
      case 'h2':
        out.push(`## ${text(b.text)}`);
        break;
      case 'h3':
        out.push(`### ${text(b.text)}`);
        break;
      case 'p':
        out.push(`${b.tone ? MARK[b.tone] : ''}${b.tone === 'note' ? `_${text(b.text)}_` : text(b.text)}`);
        break;
      case 'ul':
        out.push(b.items.map((i) => `- ${text(i)}`).join('\n'));
        break;
      case 'table':
        out.push(
          [
            `| ${b.head.map((h) => visible(h)).join(' | ')} |`,
            `|${b.head.map(() => '---').join('|')}|`,
            ...b.rows.map((r) => `| ${r.map((c) => text(c, true) || ' ').join(' | ')} |`),
          ].join('\n'),
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
