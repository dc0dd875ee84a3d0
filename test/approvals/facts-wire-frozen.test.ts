import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { evaluate } from '../../src/app/evaluate.js';
import { recordFacts } from '../../src/approvals/facts-wire.js';
import { AGENT, sharedRuntime, type LabelledCommand } from '../support/runtime.js';

// A batch freezes one copy of the environment, and the fact recorder then finds its placement variables
// once instead of on every line. The approval digest must not notice: the same command with the same
// variables binds the same digest whether the environment is live, a plain copy, or frozen.

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const CORPUS = (
  await Promise.all(
    readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .sort()
      .map(async (f) => Object.values((await import(join(CORPUS_DIR, f))) as Record<string, unknown>)),
  )
)
  .flat()
  .filter(Array.isArray)
  .flat() as LabelledCommand[];
/** Every 25th corpus command: all families, a few seconds. */
const SAMPLE = CORPUS.filter((_, i) => i % 25 === 0);

/** A developer's shell: placement variables among many that are not. */
const REALISTIC_ENV: Record<string, string> = {
  HOME: '/home/dev',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  LANG: 'en_US.UTF-8',
  EDITOR: 'vim',
  AWS_PROFILE: 'billing-prod',
  AWS_REGION: 'eu-west-1',
  KUBECONFIG: '/home/dev/.kube/missing',
  TF_WORKSPACE: 'staging',
  PGHOST: 'db.internal',
  DATABASE_URL: 'postgres://app:hunter2@db.internal/app',
  GITHUB_TOKEN: 'ghp_secret',
  NODE_ENV: 'development',
  ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`UNRELATED_${i}`, `value ${i}`])),
};

async function digestWith(command: string, env: Record<string, string>, cwd?: string): Promise<string> {
  const facts = localFacts({ cwd: cwd ?? '/home/dev/project', env, hermetic: true });
  return (await evaluate({ kind: 'shell', command }, facts, AGENT, await sharedRuntime())).binding.digest;
}

describe('a frozen environment binds the same digest', () => {
  it(`for a sample of corpus commands (${SAMPLE.length})`, async () => {
    for (const c of SAMPLE) {
      const env = { ...REALISTIC_ENV, ...c.env };
      const plain = await digestWith(c.command, env, c.cwd);
      const frozen = Object.freeze({ ...env });
      expect(await digestWith(c.command, frozen, c.cwd), c.command).toBe(plain);
      expect(await digestWith(c.command, frozen, c.cwd), `${c.command} (again)`).toBe(plain);
    }
  });

  it('an environment that can change is read afresh each time', () => {
    const env: Record<string, string> = { PATH: '/bin' };
    const facts = { cwd: '/p', home: '/h', env };
    expect(recordFacts(facts).snapshot().env).toEqual({});
    env.AWS_PROFILE = 'prod';
    expect(recordFacts(facts).snapshot().env).toEqual({ AWS_PROFILE: 'prod' });
  });
});
