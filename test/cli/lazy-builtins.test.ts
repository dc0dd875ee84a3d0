import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseEnv, runNode, tempHome } from '../hooks/support.js';

// The bundle's costly built-ins (scripts/bundle.mjs, LAZY_BUILTINS) are stand-ins that load the real
// module on first use: a warm `check` of a harmless command must not pay for the approval client's
// node:http, commander's node:child_process or the checkpointer's node:worker_threads (~5 ms together).
// The same command that needs one (a `plan check --tool` runs a program) still gets the real module.

const BIN = fileURLToPath(new URL('../../dist/cli/main.cjs', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../fixtures/preload/report-builtins.cjs', import.meta.url));
const COSTLY = ['http', 'https', 'child_process', 'worker_threads', 'net', 'fs/promises'];

function loaded(stderr: string): string[] {
  const line = stderr.split('\n').find((l) => l.startsWith('builtins-loaded '));
  if (!line) throw new Error(`no report of loaded built-ins in: ${stderr}`);
  return JSON.parse(line.slice('builtins-loaded '.length)) as string[];
}

describe.skipIf(!existsSync(BIN))('built-ins the bundle loads on first use', () => {
  const home = tempHome();
  const project = join(home, 'project');
  mkdirSync(project);
  const env = baseEnv(home, { INTERLOCK_NO_DAEMON: '1' });
  const traced = (args: string[]) => runNode(['--require', PRELOAD, BIN, ...args], '', env, project);

  it('a warm check of a harmless command loads none of the costly ones', async () => {
    await runNode([BIN, 'check', '--', 'ls'], '', env, project); // warms the caches
    const run = await traced(['check', '--json', '--', 'ls']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { decision: { outcome: string } }).decision.outcome).toBe('allow');
    expect(loaded(run.stderr).filter((m) => COSTLY.includes(m))).toEqual([]);
  }, 60_000);

  it('a command that runs a program gets the real node:child_process', async () => {
    // A saved (binary) plan is read by running `terraform show -json` on it, found or not on this PATH.
    const plan = join(project, 'saved.tfplan');
    writeFileSync(plan, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const run = await traced(['plan', 'check', '--tool', 'terraform', plan]);
    expect(loaded(run.stderr)).toContain('child_process');
  }, 60_000);
});
