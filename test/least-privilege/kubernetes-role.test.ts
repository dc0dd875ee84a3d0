import { describe, expect, it } from 'vitest';
import { impersonation, narrowKubernetes, roleManifest } from '../../src/least-privilege/kubernetes-role.js';
import { kubernetesCorpus } from '../corpus/kubernetes.js';
import { check } from '../support/runtime.js';

async function narrowed(...commands: string[]) {
  const effects = [];
  for (const c of commands) effects.push(...(await check(c)).assessment.effects);
  return narrowKubernetes(effects);
}

describe('Kubernetes impersonation narrowing', () => {
  it.each([
    [
      'kubectl delete deployment api -n prod',
      [
        {
          namespace: 'prod',
          rules: [
            { apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'], resourceNames: ['api'] },
          ],
        },
      ],
    ],
    [
      'kubectl delete pvc/data-0 --namespace db',
      [
        {
          namespace: 'db',
          rules: [
            {
              apiGroups: [''],
              resources: ['persistentvolumeclaims'],
              verbs: ['delete'],
              resourceNames: ['data-0'],
            },
          ],
        },
      ],
    ],
    [
      'kubectl delete namespace staging',
      [
        {
          rules: [
            { apiGroups: [''], resources: ['namespaces'], verbs: ['delete'], resourceNames: ['staging'] },
          ],
        },
      ],
    ],
    [
      'kubectl delete pods -l app=web -n prod',
      [{ namespace: 'prod', rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['delete', 'list'] }] }],
    ],
    [
      'kubectl delete certificates.cert-manager.io web-tls -n prod',
      [
        {
          namespace: 'prod',
          rules: [
            {
              apiGroups: ['cert-manager.io'],
              resources: ['certificates'],
              verbs: ['delete'],
              resourceNames: ['web-tls'],
            },
          ],
        },
      ],
    ],
  ])('%s', async (command, roles) => {
    const n = await narrowed(command);
    expect(n.roles).toEqual(roles);
    expect(n.unmapped).toEqual([]);
  });

  it('merges the names of one kind and verb in a namespace, and says when no namespace was given', async () => {
    const n = await narrowed(
      'kubectl delete deployment api -n prod',
      'kubectl delete deploy worker -n prod',
      'kubectl delete cm settings',
    );
    expect(n.roles).toEqual([
      {
        namespace: 'default',
        rules: [
          { apiGroups: [''], resources: ['configmaps'], verbs: ['delete'], resourceNames: ['settings'] },
        ],
      },
      {
        namespace: 'prod',
        rules: [
          {
            apiGroups: ['apps'],
            resources: ['deployments'],
            verbs: ['delete'],
            resourceNames: ['api', 'worker'],
          },
        ],
      },
    ]);
    expect(n.notes).toEqual([expect.stringMatching(/configmaps: no namespace given/)]);
  });

  it('writes a Role manifest and the --as that uses it', () => {
    const role = {
      namespace: 'prod',
      rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'] }],
    };
    expect(roleManifest(role, 'agent-narrow')).toMatchObject({
      kind: 'Role',
      metadata: { name: 'agent-narrow', namespace: 'prod' },
    });
    expect(roleManifest({ rules: [] }, 'x').kind).toBe('ClusterRole');
    expect(impersonation('agent-narrow', 'prod')).toBe('--as=system:serviceaccount:prod:agent-narrow');
  });

  it('narrows every kubectl delete of the labelled corpus, or names why not', async () => {
    let total = 0;
    const gaps: string[] = [];
    for (const c of kubernetesCorpus.filter((x) => /\bkubectl\b.*\bdelete\b/.test(x.command))) {
      const deletes = (await check(c.command, c.env ? { env: c.env } : {})).assessment.effects.filter(
        (e) => e.access?.kind === 'kubernetes',
      );
      total += deletes.length;
      for (const u of narrowKubernetes(deletes).unmapped) gaps.push(`${c.command}: ${u.why}`);
    }
    console.log(`kubectl delete effects: ${total}; narrowed: ${total - gaps.length}\n  ${gaps.join('\n  ')}`);
    expect(total).toBeGreaterThan(10);
    expect(gaps.length / total).toBeLessThan(0.1);
  });
});
