import { describe, expect, it } from 'vitest';
import { visible } from '../../src/core/text.js';

describe('visible: agent-controlled text shown to a person', () => {
  it('shows terminal escapes instead of obeying them', () => {
    expect(visible('\x1b[2K\x1b[1Arm -rf /')).toBe('\\x1b[2K\\x1b[1Arm -rf /');
    expect(visible('a\rb\x00c\x07d\x7fe\x9bf')).toBe('a\\rb\\x00c\\x07d\\x7fe\\x9bf');
  });

  it('shows bidirectional overrides, isolates and other invisible format characters', () => {
    const text =
      'x\u202ey\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200d\ufeff\u2028\u2029';
    expect(visible(text)).toBe(
      'x\\u202ey\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u200b\\u200d\\ufeff\\u2028\\u2029',
    );
    expect(visible('tag\u{e0041}')).toBe('tag\\u{e0041}');
  });

  it('keeps tabs, printable Unicode, and newlines only where they mean something', () => {
    expect(visible('a\tb ünïcödé ✓ 日本')).toBe('a\tb ünïcödé ✓ 日本');
    expect(visible('one\ntwo')).toBe('one\\ntwo');
    expect(visible('one\ntwo', { newlines: true })).toBe('one\ntwo');
    expect(visible('one\r\ntwo', { newlines: true })).toBe('one\\r\ntwo');
    // Already visible text stays as it is.
    expect(visible(visible('\x1b[31m'))).toBe('\\x1b[31m');
  });
});
