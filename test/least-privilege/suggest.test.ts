import { describe, expect, it } from 'vitest';
import { recordedAccess } from '../../src/least-privilege/recorded-access.js';
import { suggestGrants } from '../../src/least-privilege/suggest.js';

// Effects as a decision entry of the audit log records them (JSON read back).
const recorded = (target: string, access: unknown) => ({ operation: 'delete', tool: 'x', target, access });

describe('suggested grants from recorded decisions', () => {
  it('unions every kind of permission over the allowed decisions', () => {
    const s = suggestGrants(
      [
        {
          seq: 1,
          effects: [
            recorded('deployment/api', {
              kind: 'kubernetes',
              verb: 'delete',
              resource: 'deployment',
              namespace: 'prod',
              name: 'api',
            }),
          ],
        },
        {
          seq: 2,
          effects: [
            recorded('deployment/worker', {
              kind: 'kubernetes',
              verb: 'delete',
              resource: 'deployment',
              namespace: 'prod',
              name: 'worker',
            }),
          ],
        },
        {
          seq: 3,
          effects: [
            recorded('dynamodb table T', {
              kind: 'aws',
              service: 'dynamodb',
              operation: 'delete-table',
              resourceType: 'table',
              resource: 'T',
              region: 'eu-west-1',
            }),
          ],
        },
        {
          seq: 4,
          effects: [
            recorded('table old', { kind: 'sql', privileges: [], object: 'table old', ownerOnly: true }),
          ],
        },
        { seq: 5, command: 'make build', effects: [], effectCount: 0 },
        {
          seq: 6,
          effects: [recorded('table t', { kind: 'sql', privileges: ['DELETE'], object: 'table t' })],
          effectCount: 25,
        },
      ],
      { role: 'agent', account: '111122223333' },
    );
    expect(s.kubernetes.roles).toEqual([
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
    expect(s.aws.policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:DeleteTable'],
        Resource: ['arn:aws:dynamodb:eu-west-1:111122223333:table/T'],
      },
    ]);
    expect(s.postgres).toEqual({
      statements: ['GRANT DELETE ON TABLE t TO agent;'],
      ownerOnly: ['table old'],
    });
    expect(s.uncovered).toEqual([{ seq: 5, command: 'make build' }]);
    expect(s.truncated).toEqual([6]);
  });

  it.each([
    [{ access: { kind: 'aws', service: 'ec2' } }],
    [{ access: { kind: 'kubernetes', verb: 7, resource: 'pod' } }],
    [{ access: { kind: 'sql', object: 'table t', privileges: 'ALL' } }],
    [{ access: { kind: 'gcp' } }],
    [{ access: 'aws' }],
    [null],
  ])('ignores a recorded access of the wrong shape: %j', (effect) => {
    expect(recordedAccess(effect)).toBeUndefined();
  });
});
