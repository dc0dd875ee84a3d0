import { describe, expect, it } from 'vitest';
import { hookProblem } from '../../src/bench/fuzz/hook-target.js';
import { sameJson } from '../../src/bench/fuzz/verdicts.js';

// Hostile hook input nests 10,000 levels deep, and preflight hands it on as it is: comparing two such
// answers with JSON.stringify overflowed the stack, which ended a bench stretch early (issue 17).

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('comparing answers built from deeply nested input', () => {
  it('a 10,000-deep tool input is compared without overflowing the stack', async () => {
    const raw = `{"tool_name":"mcp__db__query","tool_input":${deep(10_000)}}`;
    expect(await hookProblem('claude-code', raw, 5_000)).toBeUndefined();
  });

  it('sameJson tells deep values apart and finds equal ones equal', () => {
    const a = JSON.parse(deep(20_000)) as unknown;
    const b = JSON.parse(deep(20_000)) as unknown;
    const c = JSON.parse(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`) as unknown;
    expect(sameJson(a, b)).toBe(true);
    expect(sameJson(a, c)).toBe(false);
    expect(sameJson({ x: 1, y: [1, 2] }, { y: [1, 2], x: 1 })).toBe(true);
    expect(sameJson({ x: 1 }, { x: 1, y: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
