import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReloadingRuntime } from '../../src/app/reloading-runtime.js';
import type { Runtime } from '../../src/app/runtime.js';
import { tempTree } from '../support/tmp.js';
import { AGENT, testFacts } from '../support/runtime.js';

const THREE = `@id("team.three") @outcome("require-approval") @approvals("3")
permit (principal, action in Interlock::Action::"destroy", resource) when { context.environment == "production" };\n`;

function nextReload(): { promise: Promise<Runtime>; onReload: (rt: Runtime) => void } {
  let resolve!: (rt: Runtime) => void;
  const promise = new Promise<Runtime>((r) => (resolve = r));
  return { promise, onReload: (rt) => resolve(rt) };
}

describe('policy reloading', () => {
  it('picks up an edited managed policy too', async () => {
    const root = tempTree({ 'managed/policies/org.cedar': '// nothing yet\n' });
    const waiter = nextReload();
    const rt = await createReloadingRuntime({
      cwd: root,
      env: { HOME: root, XDG_CONFIG_HOME: join(root, 'x') },
      managedDir: join(root, 'managed'),
      debounceMs: 20,
      onReload: (r) => waiter.onReload(r),
    });
    writeFileSync(join(root, 'managed/policies/org.cedar'), THREE);
    const after = await waiter.promise;
    const cmd = 'ssh prod-db "rm -rf /srv/data"';
    expect((await after.checker.check(cmd, testFacts(), AGENT)).decision.approvals).toBe(3);
    rt.close();
  });

  it('parses once, then picks up an edited policy file without a restart', async () => {
    const root = tempTree({ '.interlock/policies/team.cedar': '// nothing yet\n' });
    let waiter = nextReload();
    const rt = await createReloadingRuntime({
      cwd: root,
      env: { HOME: root, XDG_CONFIG_HOME: join(root, 'x') },
      debounceMs: 20,
      onReload: (r) => waiter.onReload(r),
    });
    const cmd = 'ssh prod-db "rm -rf /srv/data"';
    const before = rt.current();
    expect((await before.checker.check(cmd, testFacts(), AGENT)).decision.approvals).toBe(2);
    expect(rt.current()).toBe(before); // not re-parsed per call

    writeFileSync(join(root, '.interlock/policies/team.cedar'), THREE);
    const after = await waiter.promise;
    expect((await after.checker.check(cmd, testFacts(), AGENT)).decision.approvals).toBe(3);

    waiter = nextReload();
    writeFileSync(
      join(root, '.interlock/policies/team.cedar'),
      'permit (principal, action, resource) when { oops };\n',
    );
    const broken = await waiter.promise;
    expect(broken.problems[0]).toMatch(/team\.cedar/);
    expect((await broken.checker.check(cmd, testFacts(), AGENT)).decision.outcome).toBe('deny');
    rt.close();
  });
});
