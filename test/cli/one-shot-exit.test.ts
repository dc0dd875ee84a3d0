import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEnv, MAIN, runNode, tempHome } from '../hooks/support.js';

// A one-shot command leaves as soon as it has answered (src/cli/main.ts): its audit entry was committed and
// flushed before the answer, and SQLite's checkpoint of the log at close (two more fsyncs) is left to a
// later writer. What must hold: every answer's entry is in the log, the chain verifies, and the output is
// whole even though the process does not wait for Node's teardown.

describe.skipIf(!existsSync(MAIN))('a one-shot command without a daemon', () => {
  const home = tempHome();
  const project = join(home, 'project');
  mkdirSync(project);
  const env = baseEnv(home, { INTERLOCK_NO_DAEMON: '1' });
  const db = join(home, '.local', 'state', 'interlock', 'audit.db');
  const cli = (args: string[]) => runNode([MAIN, ...args], '', env, project);

  it('answers, records and leaves without checkpointing the log; the next commands see every entry', async () => {
    const denied = await cli(['check', '--json', '--', 'rm', '-rf', '/']);
    expect((JSON.parse(denied.stdout) as { audit: { recorded: boolean } }).audit.recorded).toBe(true);
    // The entry is in the write-ahead log, flushed; the process did not fold it into the database at exit.
    expect(existsSync(`${db}-wal`)).toBe(true);

    const listed = await cli(['check', '--', 'ls']);
    expect(listed.code, listed.stderr).toBe(0);
    const log = await cli(['audit', 'log', '--json']);
    const decisions = log.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; command?: string })
      .filter((e) => e.type === 'decision');
    expect(decisions.map((e) => e.command)).toEqual(['rm -rf /', 'ls']);
    const verified = await cli(['audit', 'verify', '--allow-no-witness']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 60_000);

  it('prints all of a long answer before it exits', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `rm -rf /srv/data-${i}`).join(' ; ');
    const run = await cli(['check', '--json', '--', 'sh', '-c', many]);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stdout.endsWith('\n')).toBe(true);
  }, 60_000);

  // The answer is written to the descriptors (src/cli/stdio-writer.ts); what commander prints goes through
  // Node's streams, which the exit waits for.
  it('prints errors written to the descriptor, and help written through the stream, before it exits', async () => {
    const empty = await cli(['check', '--', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^interlock check: no command given/);
    const help = await cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: interlock check/);
    expect(help.stdout.endsWith('\n')).toBe(true);
  }, 60_000);

  // package.json's bin is main.ts built as CommonJS (main.cjs): the same commands, started without Node's
  // ES module loader.
  it('answers the same through the installed bin', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      bin: { interlock: string };
    };
    const bin = fileURLToPath(new URL(`../../${pkg.bin.interlock}`, import.meta.url));
    const args = ['check', '--json', '--', 'rm', '-rf', '/'];
    const [viaBin, viaMain] = [await runNode([bin, ...args], '', env, project), await cli(args)];
    expect(viaBin.code).toBe(viaMain.code);
    const decision = (r: { stdout: string }) => (JSON.parse(r.stdout) as { decision: unknown }).decision;
    expect(decision(viaBin)).toEqual(decision(viaMain));
  }, 60_000);
});
