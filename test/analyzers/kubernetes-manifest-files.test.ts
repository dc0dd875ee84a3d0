import { describe, expect, it } from 'vitest';
import type { ScriptFile } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A manifest file kubectl applies is read at the edge like a here-document (kubernetes/manifest-text.ts):
// `kubectl --context prod apply -f wipe.yaml` ran a Pod that deletes /data, judged low ("a workload
// changed"), and `delete -f ns.yaml` was judged by the file's name only.

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: wipe
spec:
  containers:
    - name: c
      image: alpine
      command: ["sh", "-c", "rm -rf /data"]
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n';
const files: Record<string, ScriptFile> = {
  '/home/dev/project/wipe.yaml': { kind: 'text', text: POD },
  '/home/dev/project/k8s/app.yaml': { kind: 'text', text: NAMESPACE },
  '/home/dev/project/web.yaml': {
    kind: 'text',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  },
};
const readScript = (path: string): ScriptFile => files[path] ?? { kind: 'missing' };

describe('manifest files kubectl reads', () => {
  it.each([
    ['kubectl --context prod apply -f wipe.yaml', '/data'],
    ['kubectl --context prod create -f wipe.yaml', '/data'],
    ['kubectl --context prod replace -f wipe.yaml', '/data'],
    ['kubectl --context prod delete -f k8s/app.yaml', 'namespace/production'],
    // stdin redirected from the file (program-files.ts): was judged as an unnamed manifest, low.
    ['kubectl --context prod apply -f - < wipe.yaml', '/data'],
    ['kubectl --context prod create -f- < ./wipe.yaml', '/data'],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    'kubectl --context prod apply -f web.yaml',
    'kubectl --context prod apply -f missing.yaml',
    'kubectl --context prod diff -f wipe.yaml',
    'kubectl --context prod apply -f - < web.yaml',
  ])('%s is allowed', async (command) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
