import { describe, expect, it } from 'vitest';
import type { PolicyRequest } from '../../src/core/decide.js';
import { requestKeyFor } from '../../src/policy/request-key.js';

// The verdict memo's key leaves out context fields no policy reads; a field any policy names stays in.

const request = (target: string, risk = 'high'): PolicyRequest => ({
  principal: { type: 'Agent', id: 'a', actsFor: 'dev' },
  operation: 'delete',
  context: {
    kind: 'shell',
    operation: 'delete',
    risk,
    riskLevel: 3,
    destructive: true,
    reversible: false,
    environment: 'production',
    tool: 'rm',
    target,
    category: '',
    effectCount: 2,
    destructiveCount: 2,
    statefulCount: 0,
  },
});

describe('requestKeyFor', () => {
  const baseline =
    'forbid (principal, action, resource) when { context.destructive && context.risk == "high" };';

  it('shares a key between requests that differ only in a field no policy reads', () => {
    const key = requestKeyFor([baseline]);
    expect(key(request('a'))).toBe(key(request('b')));
    expect(key(request('a'))).not.toBe(key(request('a', 'low')));
  });

  it('keeps a field any policy names, and every field when a policy uses the context as a whole', () => {
    const byTarget = requestKeyFor([
      baseline,
      'forbid (principal, action, resource) when { context.target like "*prod*" };',
    ]);
    expect(byTarget(request('a'))).not.toBe(byTarget(request('b')));
    const whole = requestKeyFor(['permit (principal, action, resource) when { context == {} };']);
    expect(whole(request('a'))).not.toBe(whole(request('b')));
  });

  it('is the JSON of the request with only the fields read, as the memo files on disk store it', () => {
    const key = requestKeyFor([
      baseline,
      'permit (principal, action, resource) when { context.kind == "shell" };',
    ]);
    const asked = request('a "quoted" \\ target');
    const { kind, risk, destructive, environment } = asked.context;
    const read = { kind, risk, destructive, environment };
    expect(key(asked)).toBe(JSON.stringify({ ...asked, context: read }));
    const withGroups: PolicyRequest = { ...asked, principal: { type: 'Human', id: 'h', groups: ['sre'] } };
    expect(key(withGroups)).toBe(JSON.stringify({ ...withGroups, context: read }));
  });
});
