import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { addUser, canManageUsers, removeUser, runAs, uniqueName } from './os-users.js';

// The broker under Interlock's own identity, with real OS users: `setup --system` hands the broker's file
// to the interlock user (0600) and writes a world-readable summary of the kinds it covers. The agent, as
// itself, cannot read the credentials, so its own `interlock run` runs nothing; the interlock user's can.
// Needs root and dist/ (npm run build).

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe.skipIf(!canManageUsers || !existsSync(MAIN))('the broker runs as Interlock’s user', () => {
  const prefix = mkdtempSync(join(tmpdir(), 'ilk-broker-'));
  const paths = systemPaths(prefix);
  const service = uniqueName('ilk-sys');
  const agent = uniqueName('ilk-agent');
  const home = join(prefix, 'home', agent);
  const config = join(paths.configDir, 'broker.yaml');
  const passwordFile = join(paths.configDir, 'billing.pw');
  const env = (user: string) => ({
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: user === agent ? home : paths.stateDir,
    INTERLOCK_DAEMON_AUTOSTART: '0',
    INTERLOCK_SYSTEM_ROOT: prefix,
    INTERLOCK_DATABASE: join(user === agent ? home : paths.stateDir, 'audit.db'),
  });
  const brokerRun = (user: string, host: string) =>
    runAs(
      user,
      [
        process.execPath,
        MAIN,
        'run',
        '--broker-config',
        config,
        '--',
        'psql',
        '-h',
        host,
        '-d',
        'billing',
        '-c',
        'DROP TABLE t',
      ],
      env(user),
    );

  beforeAll(() => {
    chmodSync(prefix, 0o755);
    mkdirSync(home, { recursive: true });
    addUser(agent, home);
    const uid = Number(spawnSync('id', ['-u', agent], { encoding: 'utf8' }).stdout);
    chownSync(home, uid, uid);
    // What an administrator writes as root before running setup.
    mkdirSync(paths.configDir, { recursive: true, mode: 0o755 });
    writeFileSync(passwordFile, 'broker-only-s3cret\n', { mode: 0o600 });
    writeFileSync(
      config,
      `postgres:\n  - name: billing\n    match: {host: db.internal, database: billing}\n    role: deployer\n    passwordFile: ${passwordFile}\n`,
      { mode: 0o600 },
    );
    const r = spawnSync(
      process.execPath,
      [MAIN, 'setup', '--system', '--root', prefix, '--service-user', service, '--no-start'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/broker summary .*broker\.kinds\.json: root, 0644 \(kinds: psql\)/);
  });

  afterAll(() => {
    removeUser(agent);
    removeUser(service);
    rmSync(prefix, { recursive: true, force: true });
  });

  it('the broker file and its password file belong to the interlock user, 0600; the summary names kinds only', () => {
    const uid = Number(spawnSync('id', ['-u', service], { encoding: 'utf8' }).stdout);
    const owner = (p: string) => [statSync(p).uid, (statSync(p).mode & 0o777).toString(8)];
    expect(owner(config)).toEqual([uid, '600']);
    expect(owner(passwordFile)).toEqual([uid, '600']);
    const summary = join(paths.configDir, 'broker.kinds.json');
    expect(owner(summary)).toEqual([0, '644']);
    expect(JSON.parse(readFileSync(summary, 'utf8'))).toEqual({ kinds: ['psql'] });
  });

  it('the agent cannot read the credentials, so its own interlock run runs nothing', () => {
    expect(runAs(agent, ['cat', config], env(agent)).status).not.toBe(0);
    expect(runAs(agent, ['cat', passwordFile], env(agent)).status).not.toBe(0);
    const r = brokerRun(agent, 'db.internal');
    expect(r.status).toBe(2);
    // Refused before it is opened: the file belongs to neither root nor the agent (and could not be read).
    expect(r.stderr).toMatch(
      /broker configuration refused: .*broker\.yaml is owned by uid \d+; it must belong to root or the broker's own user.*nothing ran/,
    );
  });

  it("the interlock user's broker reads its file (and still refuses a target it has no entry for)", () => {
    const r = brokerRun(service, 'other.internal');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /no broker entry in .*broker\.yaml matches other\.internal:5432\/billing; nothing ran/,
    );
  });
});
