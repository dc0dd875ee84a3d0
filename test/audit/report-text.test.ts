import { describe, expect, it } from 'vitest';
import { code, strong, type Block } from '../../src/audit/report/blocks.js';
import { toHtml } from '../../src/audit/report/html.js';
import { toMarkdown } from '../../src/audit/report/markdown.js';

// The incident report shows the commands agents proposed: in a terminal (Markdown) or a browser (HTML),
// no escape sequence or bidi override in them may act; each is shown as a visible escape.

const HOSTILE = '\x1b[2K\x1b[1Arm -rf /';
/** Any control or format character but the newline and tab this output may hold. */
const hidden = (s: string) => /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(s.replace(/[\n\t]/g, ''));

const blocks: Block[] = [
  { kind: 'h3', text: ['12:00 — ', code(HOSTILE)] },
  { kind: 'p', text: [`Answer given: ${HOSTILE}`, strong('by \u202eevil\u202c')] },
  { kind: 'ul', items: [['Action: ', code(`${HOSTILE}\nsecond line`), ' in /srv/\u2066x\u2069']] },
  { kind: 'table', head: ['action'], rows: [[[code(HOSTILE)]], [['cancelled by bob\r']]] },
];

describe('incident report: agent-controlled text', () => {
  it('Markdown shows escapes visibly', () => {
    const md = toMarkdown(blocks);
    expect(hidden(md)).toBe(false);
    expect(md).toContain('\\x1b[2K\\x1b[1Arm -rf /');
    // Outside code spans Markdown escapes the backslash itself: it renders as \u202eevil\u202c.
    expect(md).toContain('\\\\u202eevil\\\\u202c');
    expect(md).toContain('\\x1b[2K\\x1b[1Arm -rf /\\nsecond line');
  });

  it('HTML shows escapes visibly', () => {
    const html = toHtml('report \x1b[2J', blocks);
    expect(hidden(html)).toBe(false);
    expect(html).toContain('<code>\\x1b[2K\\x1b[1Arm -rf /</code>');
    expect(html).toContain('/srv/\\u2066x\\u2069');
    expect(html).toContain('<title>report \\x1b[2J</title>');
  });
});
