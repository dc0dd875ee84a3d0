import { describe, expect, it } from 'vitest';
import { approvalWorld } from './world.js';

// An agent hook with an approval server: the seed incident's command is held as a request, two platform
// approvers approve it, the identical retry passes once, and the next retry is a new request.

const COMMAND = 'kubectl delete namespace billing --context prod-eu';

describe('Claude Code hook with the approval server', () => {
  const world = approvalWorld({ 'project/README': 'x' });

  it('holds the action, then allows the identical retry once after two approvals', async () => {
    const first = await world.hook(COMMAND);
    expect(first.decision).toBe('deny');
    expect(first.id, first.reason).toBeDefined();
    expect(first.reason).toMatch(/retry/i);

    expect((await world.as('bob', ['approvals', 'approve', first.id!])).status).toBe(0);
    expect((await world.hook(COMMAND)).decision).toBe('deny'); // one of two approvals
    expect((await world.as('carol', ['approvals', 'approve', first.id!])).status).toBe(0);

    expect((await world.hook(COMMAND)).decision).toBe('allow');
    expect((await world.hook(COMMAND)).decision).toBe('deny'); // used once: a new request
  });
});
