import { visible } from '../../core/text.js';
import type { Block, Inline, Text } from './blocks.js';

// Self-contained HTML: one file, inline styles, no scripts, no external resources. Every string goes
// through `visible` (src/core/text.ts): no control character or bidi override in an agent's command acts.

const esc = (s: string) =>
  visible(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function inline(i: Inline): string {
  if (typeof i === 'string') return esc(i);
  if ('strong' in i) return `<strong>${esc(i.strong)}</strong>`;
  return `<code>${esc(i.code)}</code>`;
}

const text = (t: Text) => t.map(inline).join('');

const STYLE = `
body{font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:1200px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #eaeef2}
h3{font-size:1.05rem}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:.1rem .3rem;border-radius:4px;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:13px;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}tr:nth-child(even) td{background:#fbfcfd}
p.ok{background:#dafbe1;border-left:4px solid #1a7f37;padding:.5rem .8rem}p.bad{background:#ffebe9;border-left:4px solid #cf222e;padding:.5rem .8rem}
p.warn{background:#fff8c5;border-left:4px solid #9a6700;padding:.5rem .8rem}p.note{color:#59636e;font-style:italic}
@media print{body{margin:0}}
`;

export function toHtml(title: string, blocks: readonly Block[]): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h1':
      case 'h2':
      case 'h3':
        body.push(`<${b.kind}>${text(b.text)}</${b.kind}>`);
        break;
      case 'p':
        body.push(`<p${b.tone ? ` class="${b.tone}"` : ''}>${text(b.text)}</p>`);
        break;
      case 'ul':
        body.push(`<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
        body.push(
          `<table><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
        break;
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
