import { describe, expect, it } from 'vitest';
import { sessionPolicy, SESSION_SECONDS } from '../../src/least-privilege/aws-session-policy.js';
import { check } from '../support/runtime.js';

async function policyFor(command: string, env: Record<string, string> = {}, account?: string) {
  const r = await check(command, { env });
  return sessionPolicy(
    r.assessment.effects.filter((e) => e.tool === 'aws'),
    account ? { account } : {},
  );
}

describe('AWS session policy', () => {
  it.each([
    [
      'aws ec2 terminate-instances --instance-ids i-0abc --region eu-west-1',
      [
        {
          Effect: 'Allow',
          Action: ['ec2:TerminateInstances'],
          Resource: ['arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc'],
        },
      ],
    ],
    [
      'aws rds delete-db-instance --db-instance-identifier billing --region us-east-1',
      [
        {
          Effect: 'Allow',
          Action: ['rds:DeleteDBInstance'],
          Resource: ['arn:aws:rds:us-east-1:111122223333:db:billing'],
        },
      ],
    ],
    [
      'aws s3 rm s3://logs/2024/ --recursive',
      [
        { Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: ['arn:aws:s3:::logs/2024/*'] },
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::logs'] },
      ],
    ],
    [
      'aws iam delete-role --role-name ci',
      [{ Effect: 'Allow', Action: ['iam:DeleteRole'], Resource: ['arn:aws:iam::111122223333:role/ci'] }],
    ],
    [
      'aws lambda invoke --region eu-west-1 --function-name hello --payload {} out.json',
      [
        {
          Effect: 'Allow',
          Action: ['lambda:InvokeFunction'],
          Resource: ['arn:aws:lambda:eu-west-1:111122223333:function:hello'],
        },
      ],
    ],
  ])('%s', async (command, statements) => {
    const p = await policyFor(command, {}, '111122223333');
    expect(p.policy.Statement).toEqual(statements);
    expect(p.unmapped).toEqual([]);
    expect(p.assumeRole.DurationSeconds).toBe(SESSION_SECONDS);
    expect(JSON.parse(p.assumeRole.Policy)).toEqual(p.policy);
  });

  it('takes the region from AWS_REGION, and says when the account is not known', async () => {
    const p = await policyFor('aws dynamodb delete-table --table-name Users', { AWS_REGION: 'eu-central-1' });
    expect(p.policy.Statement[0]!.Resource).toEqual(['arn:aws:dynamodb:eu-central-1:*:table/Users']);
    expect(p.notes).toEqual(['the account is not known: `*` in the account field']);
  });

  it('uses * with the reason when no resource can be named', async () => {
    const p = await policyFor('aws s3 rm "$TARGET_URL" --recursive');
    expect(p.policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:DeleteObject', 's3:ListBucket'], Resource: ['*'] },
    ]);
    expect(p.notes[0]).toMatch(/computed at run time/);
  });

  it('does not take the volume a snapshot is made of for the snapshot', async () => {
    const p = await policyFor('aws ec2 create-snapshot --volume-id vol-0abc --region eu-west-1');
    expect(p.policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['ec2:CreateSnapshot'], Resource: ['*'] },
    ]);
    expect(p.notes[0]).toMatch(/names --volume-id, not the snapshot/);
  });

  it.each([
    ['aws s3 sync ./site s3://dev-site/', ['s3:PutObject', 's3:ListBucket']],
    ['aws s3 sync ./site s3://dev-site/ --delete', ['s3:PutObject', 's3:DeleteObject', 's3:ListBucket']],
  ])('%s needs s3:DeleteObject only when it deletes', async (command, actions) => {
    const p = await policyFor(command);
    expect(p.policy.Statement.flatMap((s) => s.Action).sort()).toEqual([...actions].sort());
  });

  it('folds several approved effects into the fewest statements', async () => {
    const a = (await check('aws ec2 terminate-instances --instance-ids i-1 i-2 --region eu-west-1'))
      .assessment.effects;
    const b = (await check('aws ec2 stop-instances --instance-ids i-1 --region eu-west-1')).assessment
      .effects;
    const p = sessionPolicy([...a, ...b], { account: '111122223333' });
    expect(p.policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['ec2:StopInstances'],
        Resource: ['arn:aws:ec2:eu-west-1:111122223333:instance/i-1'],
      },
      {
        Effect: 'Allow',
        Action: ['ec2:TerminateInstances'],
        Resource: [
          'arn:aws:ec2:eu-west-1:111122223333:instance/i-1',
          'arn:aws:ec2:eu-west-1:111122223333:instance/i-2',
        ],
      },
    ]);
  });

  it('names the effects it cannot map', () => {
    const p = sessionPolicy([
      {
        target: 'dynamodb (statement)',
        access: { kind: 'aws', service: 'dynamodb', operation: 'execute-statement' },
      },
    ]);
    expect(p.policy.Statement).toEqual([]);
    expect(p.unmapped).toEqual([{ target: 'dynamodb (statement)', why: expect.stringMatching(/PartiQL/) }]);
  });
});

describe('ARN forms added for the broker', () => {
  it.each([
    [
      'aws ecs delete-service --cluster prod --service api --force --region eu-west-1',
      'arn:aws:ecs:eu-west-1:111122223333:service/*/api',
    ],
    [
      'aws eks update-nodegroup-config --cluster-name main --nodegroup-name workers --region eu-west-1 --scaling-config minSize=0,maxSize=3,desiredSize=0',
      'arn:aws:eks:eu-west-1:111122223333:nodegroup/*/workers/*',
    ],
    [
      'aws organizations remove-account-from-organization --account-id 444455556666',
      'arn:aws:organizations::111122223333:account/o-*/444455556666',
    ],
  ])('%s', async (command, arn) => {
    const r = await check(command);
    const p = sessionPolicy(
      r.assessment.effects.filter((e) => e.tool === 'aws'),
      { account: '111122223333' },
    );
    expect(p.policy.Statement.flatMap((s) => s.Resource)).toEqual([arn]);
  });
});
