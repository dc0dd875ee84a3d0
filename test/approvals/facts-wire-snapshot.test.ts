import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordFacts } from '../../src/approvals/facts-wire.js';
import type { ActionFacts } from '../../src/core/types.js';

// What the recorder sends the server (and the approval digest covers): pinned here, because a batch takes
// one snapshot per line and the snapshot is written for speed.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function factsWith(env: Record<string, string>, abilities: Partial<ActionFacts> = {}): ActionFacts {
  return { cwd: '/home/dev/project', home: '/home/dev', env, ...abilities };
}

describe('a fact recorder’s snapshot', () => {
  it('sends the variables read and those that place a command, each once, sorted by name', () => {
    const env = Object.freeze({
      AWS_PROFILE: 'prod',
      KUBECONFIG: '/home/dev/.kube/config',
      EDITOR: 'vim',
      HOME: '/home/dev',
      PWD: '/home/dev/project',
      SHLVL: '2',
    });
    const recorder = recordFacts(factsWith(env));
    void recorder.facts.env.EDITOR;
    void recorder.facts.env.AWS_PROFILE; // read and a placement variable: sent once
    void recorder.facts.env.HOME; // the facts' own home: never a variable
    void recorder.facts.env.SHLVL; // the shell's own
    recorder.bindVariables(['UNSET_ONE', 'AWS_PROFILE']);
    const snapshot = recorder.snapshot();
    expect(Object.keys(snapshot.env)).toEqual(['AWS_PROFILE', 'EDITOR', 'KUBECONFIG', 'UNSET_ONE']);
    expect(snapshot.env).toEqual({
      AWS_PROFILE: 'prod',
      EDITOR: 'vim',
      KUBECONFIG: '/home/dev/.kube/config',
      UNSET_ONE: null,
    });
    expect(snapshot.reads).toBeUndefined();
    expect(snapshot.secretEnv).toBeUndefined();
  });

  it('sends a secret only as the hash of its value, and a URL without its password', () => {
    const env = { GITHUB_TOKEN: 'ghp_secret', DATABASE_URL: 'postgres://app:hunter2@db/app' };
    const recorder = recordFacts(factsWith(env));
    recorder.bindVariables(['GITHUB_TOKEN']);
    const snapshot = recorder.snapshot();
    expect(snapshot.env).toEqual({ DATABASE_URL: 'postgres://app:***@db/app' });
    expect(snapshot.secretEnv).toEqual({
      DATABASE_URL: sha256('postgres://app:hunter2@db/app'),
      GITHUB_TOKEN: sha256('ghp_secret'),
    });
  });

  it('names what the facts could read, in one fixed order', () => {
    const all = factsWith(
      {},
      {
        listArchive: () => ({ kind: 'unreadable', reason: 'test' }),
        readPlan: () => Promise.reject(new Error('no plans')),
        readScript: () => ({ kind: 'unreadable', reason: 'test' }),
        files: { fingerprint: () => ({ digest: 'd', variables: [], hashed: 0 }), list: () => [] },
        pathExists: () => false,
      },
    );
    expect(recordFacts(all).snapshot().reads).toEqual(['paths', 'files', 'scripts', 'plans', 'archives']);
    const some = factsWith({}, { readScript: () => ({ kind: 'unreadable', reason: 'test' }) });
    expect(recordFacts(some).snapshot().reads).toEqual(['scripts']);
  });
});
