import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/app/runtime.js';
import { closeLocalAudit } from '../../src/audit/local.js';
import { manyEffectLines } from '../../src/bench/many-effects.js';
import { runCheck } from '../../src/cli/check.js';
import type { CliIo } from '../../src/cli/io.js';
import type { LabelledCommand } from '../support/runtime.js';

// `check` and `check --batch` are two doors to one pipeline: every labelled command must come out the same
// through both (effects, environment, decision, final outcome, audit status).

// Every labelled corpus in test/corpus/ (a new family is included without being named here).
const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const CORPUS: LabelledCommand[] = [
  ...((
    await Promise.all(
      readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
        .sort()
        .map(async (f) => Object.values((await import(join(CORPUS_DIR, f))) as Record<string, unknown>)),
    )
  )
    .flat()
    .filter(Array.isArray)
    .flat() as LabelledCommand[]),
  // A saved plan: single mode once saw its 11 resource changes and batch mode only the apply.
  {
    command: `terraform apply ${fileURLToPath(new URL('../fixtures/plans/terraform-aws-production.json', import.meta.url))}`,
    destructive: true,
  },
  // Lines of many effects (issue 17): each effect of a long line is decided alike in both modes.
  ...manyEffectLines(6, 5, 5, 15).map((command) => ({ command, destructive: true })),
];

const home = mkdtempSync(join(tmpdir(), 'interlock-single-batch-'));
/** A hermetic environment: no server, no kubeconfig, the audit log in a temporary file. */
const BASE_ENV: NodeJS.ProcessEnv = {
  HOME: home,
  XDG_CONFIG_HOME: join(home, 'config'),
  XDG_STATE_HOME: join(home, 'state'),
  INTERLOCK_DATABASE: join(home, 'audit.db'),
  PATH: process.env.PATH ?? '/usr/bin:/bin',
};

function bufferIo(env: NodeJS.ProcessEnv, stdin = ''): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    out: () => out,
    err: () => err,
  };
}

// Durability of the log is tested elsewhere; here 1,300 commits need not each wait for the disk.
process.env.INTERLOCK_SQLITE_SYNCHRONOUS = 'normal';

const runtime = loadRuntime({ cwd: home, env: BASE_ENV as Record<string, string> });

afterAll(closeLocalAudit);

describe('check and check --batch decide the same way', () => {
  it(`on every corpus command (${CORPUS.length})`, async () => {
    const rt = await runtime;
    const single: unknown[] = [];
    for (const c of CORPUS) {
      const io = bufferIo({ ...BASE_ENV, ...c.env });
      const code = await runCheck(
        [c.command],
        { json: true, cwd: c.cwd ?? '/home/dev/project' },
        async () => rt,
        io,
      );
      expect(code, `${c.command}: ${io.err()}`).not.toBe(1);
      single.push(JSON.parse(io.out()));
    }
    const lines = CORPUS.map((c) =>
      JSON.stringify({
        command: c.command,
        cwd: c.cwd ?? '/home/dev/project',
        ...(c.env ? { env: c.env } : {}),
      }),
    );
    const io = bufferIo(BASE_ENV, `${lines.join('\n')}\n`);
    expect(await runCheck([], { batch: true }, async () => rt, io)).toBe(0);
    const batch = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(batch).toHaveLength(CORPUS.length);
    batch.forEach((result, i) => {
      const { line, ...rest } = result;
      expect(line).toBe(i + 1);
      expect(rest, CORPUS[i]!.command).toEqual(single[i]);
    });
  });
});

describe('when the audit log cannot be written', () => {
  it('production-scoped work is refused in both modes, and the rest keeps its outcome', async () => {
    const rt = await runtime;
    const blocker = join(home, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const env = { ...BASE_ENV, INTERLOCK_DATABASE: join(blocker, 'audit.db') };
    const commands = ['kubectl delete namespace payments --context prod-eu', 'rm -rf build'];
    const single = [];
    for (const command of commands) {
      const io = bufferIo(env);
      const code = await runCheck([command], { json: true, cwd: home }, async () => rt, io);
      single.push({ code, json: JSON.parse(io.out()) });
    }
    expect(single[0]!.code).toBe(5);
    expect(single[0]!.json.decision).toMatchObject({ outcome: 'deny', policyOutcome: 'require-approval' });
    expect(single[0]!.json.audit).toMatchObject({ recorded: false, refused: true });
    expect(single[1]!.json.decision.outcome).toBe('allow');
    const io = bufferIo(env, commands.map((command) => JSON.stringify({ command, cwd: home })).join('\n'));
    await runCheck([], { batch: true }, async () => rt, io);
    const batch = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number });
    expect(batch.map(({ line: _line, ...rest }) => rest)).toEqual(single.map((s) => s.json));
  });
});
