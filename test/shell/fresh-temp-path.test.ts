import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { freshTempPath } from '../../src/shell/fresh-temp-path.js';
import { check } from '../support/runtime.js';

describe('the path mktemp prints', () => {
  it.each([
    [['-d'], undefined, '/tmp/tmp.XXXXXXXXXX'],
    [[], '/var/tmp/', '/var/tmp/tmp.XXXXXXXXXX'],
    [['-d', '-t', 'build.XXXX'], undefined, '/tmp/build.XXXX'],
    [['-dt', 'build'], '/scratch', '/scratch/build'],
    [['-d', '/tmp/build.XXXXXX'], undefined, '/tmp/build.XXXXXX'],
    [['-d', 'out.XXXX'], undefined, 'out.XXXX'],
    [['-d', '-p', '/srv/work'], undefined, '/srv/work/tmp.XXXXXXXXXX'],
    [['--tmpdir=/data', 'x.XXX'], undefined, '/data/x.XXX'],
    [['--suffix=.json'], undefined, undefined],
    [['-p'], undefined, undefined],
    [['-t', '/etc/x.XXX'], undefined, undefined],
  ] as const)('mktemp %j (TMPDIR %s) → %s', (args, tmpdir, path) => {
    expect(freshTempPath('mktemp', args, tmpdir)).toBe(path);
  });

  it('is only mktemp', () => {
    expect(freshTempPath('mkdir', ['-p', '/tmp/x'], undefined)).toBeUndefined();
  });
});

// A directory mktemp just made holds only what the script put there: removing it cleans up. The path still
// counts: a reassigned variable, a parent of it, or a directory mktemp was told to use elsewhere.
const cases: [string, Outcome][] = [
  ['TMP=$(mktemp -d) && cp -r src "$TMP" && rm -rf "$TMP"', 'allow'],
  ['tmp="$(mktemp -d)"; tar xzf /tmp/release.tgz -C "$tmp"; rm -rf "$tmp"', 'allow'],
  ['rm -rf "$(mktemp -d)"', 'allow'],
  ['rm -f "$(mktemp)"', 'allow'],
  ['TMP=$(mktemp -d); TMP=$HOME; rm -rf "$TMP"', 'ask'],
  ['rm -rf "$(mktemp -d -p /home/dev)"', 'ask'],
  ['TMPDIR=/home/dev; rm -rf "$(mktemp -d)"', 'ask'],
  ['rm -rf "$(mktemp -d)/../../home/dev"', 'ask'],
  ['rm -rf "$(mktemp --unknown-option)"', 'ask'],
];

describe('removing what mktemp made', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
