import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadPlanFile, type Runner } from '../../src/plans/load.js';
import { CLI } from '../support/cli.js';
import { fixturePath, fixtureText } from './helpers.js';

const BINARY = fixturePath('terraform-real/plan.out');
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

function recordingRunner(
  answers: Record<string, { code: number; stdout?: string; stderr?: string } | 'missing'>,
) {
  const calls: { program: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }[] = [];
  const run: Runner = async (program, args, options) => {
    calls.push({ program, args, cwd: options.cwd, env: options.env });
    const answer = answers[program] ?? 'missing';
    if (answer === 'missing')
      return { code: null, stdout: Buffer.alloc(0), stderr: 'spawn ENOENT', missing: true };
    return { code: answer.code, stdout: Buffer.from(answer.stdout ?? ''), stderr: answer.stderr ?? '' };
  };
  return { run, calls };
}

describe('reading plan files', () => {
  it('JSON: hashes the exact bytes and parses them', async () => {
    const loaded = await loadPlanFile(fixturePath('terraform-aws-production.json'));
    const bytes = readFileSync(fixturePath('terraform-aws-production.json'));
    expect(loaded.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(loaded.bytes).toBe(bytes.length);
    expect(loaded.convertedBy).toBeUndefined();
    expect(loaded.plan.changes.length).toBe(15);
  });

  it('resolves a relative path against cwd', async () => {
    const loaded = await loadPlanFile('cloudformation-production.json', { cwd: fixturePath('') });
    expect(loaded.path).toBe(fixturePath('cloudformation-production.json'));
    expect(loaded.plan.format).toBe('cloudformation');
  });

  it.each([
    ['missing.json', 'no such file'],
    ['.', 'is a directory'],
  ])('%s is a clear InputError', async (file, message) => {
    await expect(loadPlanFile(file, { cwd: fixturePath('') })).rejects.toThrow(InputError);
    await expect(loadPlanFile(file, { cwd: fixturePath('') })).rejects.toThrow(message);
  });

  it('an empty file is a clear InputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-plan-'));
    writeFileSync(join(dir, 'empty.json'), '');
    await expect(loadPlanFile(join(dir, 'empty.json'))).rejects.toThrow('is empty');
    rmSync(dir, { recursive: true, force: true });
  });
});

/** The bytes of a text in an encoding Windows tools write (PowerShell 5.1 `>` writes UTF-16 LE with a BOM). */
function encode(text: string, encoding: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16 LE with BOM':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    case 'utf-16 BE with BOM':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    case 'utf-16 LE without BOM':
      return le;
    case 'utf-16 BE without BOM':
      return be;
  }
  throw new Error(`no encoding ${encoding}`);
}

const ENCODINGS = [
  'utf-8',
  'utf-8 with BOM',
  'utf-16 LE with BOM',
  'utf-16 BE with BOM',
  'utf-16 LE without BOM',
  'utf-16 BE without BOM',
];

describe('plan JSON in the encodings Windows writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-plan-enc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases = ['terraform-aws-production.json', 'cloudformation-production.json'].flatMap((name) =>
    ENCODINGS.map((encoding) => [name, encoding] as const),
  );

  it.each(cases)('%s as %s reads like the UTF-8 file; the hash is of the bytes', async (name, encoding) => {
    const bytes = encode(fixtureText(name), encoding);
    const file = join(dir, `${encoding.replace(/\W+/g, '-')}-${name}`);
    writeFileSync(file, bytes);
    const loaded = await loadPlanFile(file);
    const plain = await loadPlanFile(fixturePath(name));
    expect(loaded.plan).toEqual(plain.plan);
    expect(loaded.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(loaded.bytes).toBe(bytes.length);
  });

  it('the human-readable plan saved by PowerShell is recognised as such', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, encode('\nTerraform will perform the following actions:\n', 'utf-16 LE with BOM'));
    await expect(loadPlanFile(file)).rejects.toThrow('is the human-readable plan output');
  });

  it.each([
    [
      'UTF-16 cut short (an odd number of bytes)',
      encode('{"format_version":"1.2"}', 'utf-16 LE with BOM').subarray(0, 9),
      'odd number of bytes',
    ],
    ['UTF-32 LE', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]), 'UTF-32'],
    ['UTF-32 BE', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b, 0, 0, 0, 0x7d]), 'UTF-32'],
  ])('%s is a clear InputError', async (_what, bytes, message) => {
    const file = join(dir, 'unreadable.json');
    writeFileSync(file, bytes);
    await expect(loadPlanFile(file)).rejects.toThrow(InputError);
    await expect(loadPlanFile(file)).rejects.toThrow(message);
  });
});

describe('binary plans', () => {
  it('are converted with `terraform show -json` in cwd, without TF_CLI_ARGS', async () => {
    const { run: record, calls } = recordingRunner({
      terraform: { code: 0, stdout: fixtureText('terraform-real/plan.json') },
    });
    const shown: Buffer[] = [];
    const run: Runner = async (program, args, options) => {
      shown.push(readFileSync(args[3] ?? ''));
      return record(program, args, options);
    };
    const loaded = await loadPlanFile(BINARY, {
      cwd: '/some/project',
      run,
      env: { PATH: '/usr/bin', TF_CLI_ARGS: '-no-color -lock=false', TF_CLI_ARGS_show: '-x' },
    });
    expect(loaded.convertedBy).toBe('terraform');
    expect(loaded.sha256).toBe(createHash('sha256').update(readFileSync(BINARY)).digest('hex'));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ program: 'terraform', cwd: '/some/project' });
    expect(calls[0]?.args.slice(0, 3)).toEqual(['show', '-no-color', '-json']);
    // It reads a private copy of exactly the bytes that were hashed, not the file (which could change).
    expect(calls[0]?.args[3]).not.toBe(BINARY);
    expect(calls[0]?.args[3]).toMatch(/interlock-plan-.*\/plan\.out$/);
    expect(shown[0]?.equals(readFileSync(BINARY))).toBe(true);
    expect(calls[0]?.env.TF_CLI_ARGS).toBeUndefined();
    expect(calls[0]?.env.TF_CLI_ARGS_show).toBeUndefined();
    expect(calls[0]?.env.TF_IN_AUTOMATION).toBe('1');
  });

  it('falls back to tofu when terraform is missing or fails', async () => {
    const json = fixtureText('opentofu-azure-k8s.json');
    const missing = recordingRunner({ tofu: { code: 0, stdout: json } });
    expect((await loadPlanFile(BINARY, { run: missing.run })).convertedBy).toBe('tofu');
    const failing = recordingRunner({
      terraform: { code: 1, stderr: '╷\n│ Error: Failed to read the given file as a state or plan file\n' },
      tofu: { code: 0, stdout: json },
    });
    expect((await loadPlanFile(BINARY, { run: failing.run })).convertedBy).toBe('tofu');
    const tofuFirst = recordingRunner({ tofu: { code: 0, stdout: json } });
    await loadPlanFile(BINARY, { run: tofuFirst.run, tool: 'tofu' });
    expect(tofuFirst.calls.map((c) => c.program)).toEqual(['tofu']);
  });

  it('with neither terraform nor tofu installed: a clear error that says what to run', async () => {
    const { run } = recordingRunner({});
    await expect(loadPlanFile(BINARY, { run })).rejects.toThrow(
      /binary Terraform plan; reading it needs `terraform` or `tofu` on PATH and neither is installed/,
    );
  });

  it('with neither installed, `interlock plan check` says so and exits (spawn found no program to time out)', () => {
    const home = mkdtempSync(join(tmpdir(), 'interlock-no-terraform-'));
    try {
      // PATH an empty directory: no terraform, no tofu. The 60 s limit is for a hang, not a figure.
      const run = spawnSync(process.execPath, [CLI, 'plan', 'check', BINARY], {
        env: { HOME: home, PATH: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/neither is installed/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('when both fail: their errors, without colour codes or box drawing', async () => {
    const { run } = recordingRunner({
      terraform: {
        code: 1,
        stderr: '\x1b[31m╷\n│ Error: plan file was created by a different version\n╵\x1b[0m',
      },
      tofu: { code: 1, stderr: 'Error: unsupported plan file format' },
    });
    const error = (await loadPlanFile(BINARY, { run }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      '`terraform show -json` failed: Error: plan file was created by a different version',
    );
    expect(error.message).toContain('`tofu show -json` failed: Error: unsupported plan file format');
    expect(error.message).not.toContain('\x1b');
  });

  it.skipIf(!hasTerraform)(
    'with the real terraform on this machine: the binary plan reads like its JSON',
    async () => {
      const loaded = await loadPlanFile(BINARY, {
        cwd: tmpdir(),
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
      });
      const fromJson = await loadPlanFile(fixturePath('terraform-real/plan.json'));
      expect(loaded.convertedBy).toBe('terraform');
      expect(loaded.plan.changes).toEqual(fromJson.plan.changes);
      expect(loaded.plan.existing).toBe(fromJson.plan.existing);
    },
    60_000,
  );
});
