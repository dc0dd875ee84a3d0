import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalWorld } from './world.js';

// Issue 12 end to end: a grant for `kubectl delete -f app.yaml` is for the app.yaml that was approved.
// Changed after the approvals, the retry is another action (a new request); put back, the grant applies.

const COMMAND = 'kubectl delete -f app.yaml --context prod-eu';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n';

describe('a grant is bound to the content of the files the command reads', () => {
  const world = approvalWorld({ 'project/app.yaml': DEPLOYMENT });
  const hook = () => world.hook(COMMAND);
  const approve = async (who: 'bob' | 'carol', id: string) =>
    (await world.as(who, ['approvals', 'approve', id])).status;

  it('the file changed after approval: a new request; the approved file back: allowed once', async () => {
    const first = await hook();
    expect(first.decision).toBe('deny');
    expect(first.id).toBeDefined();
    expect(await approve('bob', first.id!)).toBe(0);
    expect(await approve('carol', first.id!)).toBe(0);

    writeFileSync(join(world.project, 'app.yaml'), NAMESPACE);
    const changed = await hook();
    expect(changed.decision).toBe('deny');
    expect(changed.id).toBeDefined();
    expect(changed.id).not.toBe(first.id);

    writeFileSync(join(world.project, 'app.yaml'), DEPLOYMENT);
    expect((await hook()).decision).toBe('allow');
  });
});
