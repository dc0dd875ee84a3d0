import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../src/approvals/json-nesting.js';
import { DecisionBody } from '../../src/approvals/api.js';
import { assessOnServer } from '../../src/server/assessor.js';
import { sharedRuntime } from '../support/runtime.js';

// MCP tool arguments are free JSON, and the digest and the audit entry walk them recursively: a body with a
// 10,000-deep array overflowed the stack inside the server's assessment (the fuzzer found it). The schema
// now refuses such a body with a message, before anything walks it.

const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? { k: value } : [value];
  return value;
};
const body = (args: unknown) => ({
  proposal: { kind: 'mcp-call', call: { server: 'db', tool: 'drop_table', args } },
  facts: { cwd: '/srv/app', home: '/home/dev', env: {} },
});
const AGENT = { id: 'a1', kind: 'agent' as const, name: 'claude', groups: [], actsFor: 'dev', createdAt: 0 };

describe('MCP tool arguments nested too deep', () => {
  it('counts nesting without recursion, and stops past the limit', () => {
    expect(nestingDepth('x', 64)).toBe(0);
    expect(nestingDepth([], 64)).toBe(1);
    expect(nestingDepth({ a: [1, { b: null }] }, 64)).toBe(3);
    expect(nestingDepth(nested(64), 64)).toBe(64);
    expect(nestingDepth(nested(100_000), 64)).toBe(65);
  });

  it('refuses a 10,000-deep body with a message naming the field', () => {
    const parsed = DecisionBody.safeParse(body(nested(10_000)));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['proposal', 'call', 'args']);
    expect(issue.message).toMatch(/nest deeper than 64 levels/);
  });

  it('decides a body at the limit without throwing', async () => {
    const parsed = DecisionBody.safeParse(body(nested(64)));
    expect(parsed.success).toBe(true);
    const decided = await assessOnServer(AGENT, parsed.data!, { ...(await sharedRuntime()) });
    expect(decided.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(['allow', 'ask', 'require-approval', 'deny']).toContain(decided.decision.outcome);
  });
});
