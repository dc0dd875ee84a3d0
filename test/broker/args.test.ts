import { describe, expect, it } from 'vitest';
import { awsProfile, brokeredAwsArgs } from '../../src/broker/aws-args.js';
import { brokeredKubectlArgs, kubeContext } from '../../src/broker/kubectl-args.js';

// The command lines the broker runs: the agent's words, minus what chose the agent's own credentials.

describe('aws arguments', () => {
  it('reads the profile in either spelling, the last one winning, and drops it', () => {
    expect(awsProfile(['aws', '--profile', 'a', 's3', 'ls', '--profile=b'])).toBe('b');
    expect(awsProfile(['aws', 's3', 'ls'])).toBeUndefined();
    expect(
      brokeredAwsArgs(['aws', '--profile', 'a', 's3', 'rb', 's3://b', '--profile=b', '--force']),
    ).toEqual(['s3', 'rb', 's3://b', '--force']);
  });

  it('refuses options that bypass the session credentials', () => {
    expect(() => brokeredAwsArgs(['aws', 's3', 'ls', '--no-sign-request'])).toThrow(
      /remove --no-sign-request/,
    );
  });
});

describe('kubectl arguments', () => {
  const id = { kubeconfig: '/etc/k', context: 'admin', as: 'deployer', asGroups: ['g1', 'g2'] };

  it("replaces the agent's context with the broker's identity, keeping everything after --", () => {
    expect(kubeContext(['kubectl', '--context=prod', 'delete', 'pod', 'p'])).toBe('prod');
    expect(
      brokeredKubectlArgs(['kubectl', '--context', 'prod', 'exec', 'p', '--', 'sh', '--token', 'x'], id),
    ).toEqual([
      '--kubeconfig=/etc/k',
      '--context=admin',
      '--as=deployer',
      '--as-group=g1',
      '--as-group=g2',
      'exec',
      'p',
      '--',
      'sh',
      '--token',
      'x',
    ]);
  });

  it.each(['--kubeconfig=/tmp/k', '--as=system:admin', '--server', '-s', '--token', '--user'])(
    'refuses %s',
    (option) => {
      expect(() => brokeredKubectlArgs(['kubectl', option, 'v', 'delete', 'pod', 'p'], id)).toThrow(
        /its own kubeconfig and identity only; remove/,
      );
    },
  );
});
