import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseChangeSet } from '../../src/plans/cloudformation.js';
import { parsePlanDocument } from '../../src/plans/load.js';
import { fixture, parsedFixture } from './helpers.js';

describe('CloudFormation change sets (describe-change-set JSON)', () => {
  const plan = parsedFixture('cloudformation-production.json');
  const change = (id: string) => plan.changes.find((c) => c.address === id);

  it('maps Action and Replacement', () => {
    expect(plan.changes.map((c) => [c.address, c.action, c.conditional === true])).toEqual([
      ['OrdersDatabase', 'replace', false],
      ['ArchiveBucket', 'delete', false],
      ['SessionsTable', 'delete', false],
      ['CacheCluster', 'replace', true],
      ['ApiSecurityGroup', 'update', false],
      ['WorkerFunction', 'create', false],
      ['JobsQueue', 'import', false],
    ]);
  });

  it('names the attributes that require recreation, never their values', () => {
    expect(change('OrdersDatabase')?.replaceCauses).toEqual(['Properties.DBInstanceIdentifier']);
    expect(change('CacheCluster')?.replaceCauses).toEqual(['Properties.CacheNodeType']);
    expect(JSON.stringify(plan)).not.toContain('orders-db-2');
    expect(JSON.stringify(plan)).not.toContain('db.r6g.large');
  });

  it('reads PolicyAction as protection: Retain keeps the data, Delete does not', () => {
    expect(change('ArchiveBucket')?.protections).toMatchObject([{ kind: 'retain-policy', protects: true }]);
    expect(change('SessionsTable')?.protections).toMatchObject([{ kind: 'retain-policy', protects: false }]);
    expect(change('OrdersDatabase')?.protections).toMatchObject([
      { attribute: 'UpdateReplacePolicy', value: 'Delete', protects: false },
    ]);
  });

  it('classifies the resource types and keeps the physical ids', () => {
    expect(change('OrdersDatabase')).toMatchObject({
      category: 'database',
      stateful: true,
      physicalId: 'orders-db',
    });
    expect(change('ApiSecurityGroup')).toMatchObject({ category: '', stateful: false });
  });

  it('takes the environment from the stack name, its tags and environment parameters, never NoEcho ones', () => {
    expect(plan.name).toBe('orders-prod');
    expect(plan.hints).toEqual([
      { source: 'stack', value: 'orders-prod', weak: true },
      { source: 'stack tag Environment', value: 'production' },
      { source: 'parameter Environment', value: 'production' },
    ]);
    expect(plan.existing).toBeUndefined();
  });

  it('a truncated listing, a nested stack and a Dynamic action', () => {
    const dev = parsedFixture('cloudformation-dev-truncated.json');
    expect(dev.flags.truncated).toBe(true);
    expect(dev.flags.nestedChangeSets).toHaveLength(1);
    expect(dev.changes.map((c) => [c.address, c.action])).toEqual([
      ['NetworkStack', 'unknown'],
      ['Macro', 'unknown'],
      ['Logs', 'create'],
    ]);
    expect(dev.changes[0]?.reason).toContain('nested change set');
  });

  it('an empty change set ("didn\'t contain changes") has no changes', () => {
    const empty = parseChangeSet({
      Changes: [],
      StackName: 'x',
      Status: 'FAILED',
      StatusReason: "The submitted information didn't contain changes.",
    });
    expect(empty.changes).toEqual([]);
    expect(empty.flags.status).toBe('FAILED');
  });

  it('skips non-resource changes', () => {
    const doc = fixture('cloudformation-production.json') as { Changes: unknown[] };
    doc.Changes.push({ Type: 'HookInvocation', HookInvocationCount: 1 });
    expect(parsePlanDocument(doc, 'cs.json').notes.join(' ')).toContain(
      '1 change(s) that are not resource changes',
    );
  });

  it.each([
    [{ Changes: {}, StackName: 'x' }, 'Changes'],
    [
      { Changes: [{ Type: 'Resource', ResourceChange: { Action: 'Add' } }], StackName: 'x' },
      'Changes[0].ResourceChange.LogicalResourceId',
    ],
    [
      {
        Changes: [
          {
            Type: 'Resource',
            ResourceChange: {
              Action: 'Modify',
              LogicalResourceId: 'A',
              ResourceType: 'AWS::S3::Bucket',
              Details: 'x',
            },
          },
        ],
        StackName: 'x',
      },
      'Changes[0].ResourceChange.Details',
    ],
  ])('malformed %j names the field', (doc, field) => {
    expect(() => parsePlanDocument(doc, 'cs.json')).toThrow(InputError);
    expect(() => parsePlanDocument(doc, 'cs.json')).toThrow(field);
  });
});
