import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Taking a published version back off a registry (npm forbids publishing the same version again) was
// allowed; publishing and everyday package-manager work stays allowed.

describe('package registries', () => {
  it.each([
    ['npm unpublish mypkg --force', 'critical'],
    ['npm unpublish @scope/pkg@1.0.0', 'high'],
    ['pnpm unpublish mypkg@2.1.0', 'high'],
    ['npm deprecate mypkg "use other"', 'medium'],
    ['cargo yank --version 1.0.0 mycrate', 'high'],
    ['gem yank mygem -v 1.0', 'high'],
    ['yarn npm unpublish --all', 'critical'],
    ['yarn npm unpublish', 'high'],
    ['npm dist-tag rm mypkg latest', 'medium'],
    ['yarn npm tag remove mypkg beta', 'medium'],
    ['npm owner rm alice mypkg', 'medium'],
    ['npm owner add mallory mypkg', 'high'],
  ] as const)('%s is not allowed (at least %s)', async (command, least) => {
    const r = await check(command);
    const rank = ['none', 'low', 'medium', 'high', 'critical'];
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(rank.indexOf(r.assessment.risk)).toBeGreaterThanOrEqual(rank.indexOf(least));
  });

  it.each([
    'npm publish',
    'npm install',
    'npm ci',
    'npm run build',
    'npm unpublish --dry-run mypkg@1.0.0',
    'cargo build --release',
    'cargo yank --undo --version 1.0.0 mycrate',
    'gem install rails',
    'yarn add react',
    'npm dist-tag ls mypkg',
    'npm dist-tag add mypkg@1.2.0 beta',
    'npm owner ls mypkg',
    'yarn npm publish',
    'yarn npm info react',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a command the registries analyzer does not know stays unrecognised: with production credentials, unverifiable', async () => {
    for (const command of ['npm publish', 'cargo run --bin purge', 'passwd -S']) {
      const r = await check(command, { env: { AWS_PROFILE: 'prod' } });
      expect(r.decision.outcome, command).not.toBe('allow');
      expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
    }
  });
});
