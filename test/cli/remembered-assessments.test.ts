import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { runCli, spawnCli } from '../support/cli.js';
import { tempTree, writeTree } from '../support/tmp.js';

// A one-shot `check` or `explain` keeps the assessment of a command with every fact it read, and answers
// the same command again from it without loading the shell parser, but only while each of those facts
// answers the same: a changed script, file or variable is assessed afresh, an edited policy decides
// afresh (decisions are never remembered here), and once Interlock runs as its own user the memo (a file
// the agent's user could write) is never read. Each answer from the memo must equal a fresh one.

const ASK_RM = `@id("team.ask-rm")\n@outcome("ask")\npermit (principal, action, resource)\nwhen { context.tool == "rm" };\n`;

function project(files: Record<string, string> = {}) {
  const root = tempTree({ 'proj/README.md': 'a project\n', ...files });
  const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') };
  const memo = join(root, 'xdg/interlock/cache/assessments');
  return { root, cwd: join(root, 'proj'), env, memo };
}

/** `check --json` twice: the first assesses (and keeps it), the second answers from the memo. */
async function checkTwice(args: string[], cwd: string, env: Record<string, string>) {
  const first = await runCli(['check', '--json', '--cwd', cwd, '--', ...args], { env });
  const second = await runCli(['check', '--json', '--cwd', cwd, '--', ...args], { env });
  return { first, second };
}

/** What a process without any remembered assessment answers (the memo emptied first). */
async function fresh(args: string[], cwd: string, env: Record<string, string>, memo: string) {
  rmSync(memo, { recursive: true, force: true });
  const result = await runCli(['check', '--json', '--cwd', cwd, '--', ...args], { env });
  rmSync(memo, { recursive: true, force: true });
  return result;
}

/** Rewrite every remembered assessment as someone with write access to the user's configuration could. */
function tamper(memo: string, from: string, to: string): void {
  for (const name of readdirSync(memo))
    writeFileSync(join(memo, name), readFileSync(join(memo, name), 'utf8').replaceAll(from, to));
}

describe('remembered shell assessments', () => {
  it('answer a command seen before, exactly as a fresh assessment does', async () => {
    const { cwd, env, memo } = project();
    for (const command of [
      ['ls', '-la'],
      ['rm', '-rf', './build'],
      ['git', 'push', '--force', 'origin', 'main'],
      ['kubectl', 'delete', 'namespace', 'payments'],
    ]) {
      const { first, second } = await checkTwice(command, cwd, env);
      expect(second).toEqual(first);
      expect(await fresh(command, cwd, env, memo)).toEqual(first);
    }
  });

  it('are read: the second call answers from the kept file (so the shell parser need not load)', async () => {
    const { cwd, env, memo } = project();
    const { first } = await checkTwice(['rm', '-rf', './build'], cwd, env);
    expect(readdirSync(memo)).toHaveLength(1);
    tamper(memo, 'deletes the tree', 'tampered: deletes the tree');
    const after = await runCli(['check', '--json', '--cwd', cwd, '--', 'rm', '-rf', './build'], { env });
    expect(after.stdout).toMatch(/tampered/);
    expect(first.stdout).not.toMatch(/tampered/);
  });

  it('are assessed afresh when a script the command runs changes', async () => {
    const { root, cwd, env, memo } = project({ 'proj/deploy.sh': 'echo deploying\n' });
    const { first, second } = await checkTwice(['bash', 'deploy.sh'], cwd, env);
    expect(second).toEqual(first);
    writeTree(root, { 'proj/deploy.sh': 'aws s3 rm s3://prod-data --recursive --profile prod\n' });
    const after = await runCli(['check', '--json', '--cwd', cwd, '--', 'bash', 'deploy.sh'], { env });
    expect(after.stdout).not.toEqual(first.stdout);
    expect(JSON.parse(after.stdout).assessment.destructive).toBe(true);
    expect(await fresh(['bash', 'deploy.sh'], cwd, env, memo)).toEqual(after);
  });

  it('are assessed afresh when a variable that places the command changes', async () => {
    const { cwd, env, memo } = project();
    const command = ['aws', 's3', 'rm', 's3://data', '--recursive'];
    const dev = { ...env, AWS_PROFILE: 'dev' };
    const prod = { ...env, AWS_PROFILE: 'prod' };
    const { first } = await checkTwice(command, cwd, dev);
    const after = await runCli(['check', '--json', '--cwd', cwd, '--', ...command], { env: prod });
    expect(JSON.parse(after.stdout).assessment.environment).toBe('production');
    expect(JSON.parse(first.stdout).assessment.environment).not.toBe('production');
    expect(await fresh(command, cwd, prod, memo)).toEqual(after);
  });

  it('are decided afresh when a policy is edited, and kept apart when the placement rules change', async () => {
    const { root, cwd, env, memo } = project();
    const command = ['rm', '-rf', './build'];
    const { first } = await checkTwice(command, cwd, env);
    expect(JSON.parse(first.stdout).decision.outcome).toBe('allow');
    // A project policy that asks for any `rm`: the remembered assessment is decided by it, as a fresh one is.
    writeTree(root, { 'proj/.interlock/policies/team.cedar': ASK_RM });
    const asked = await runCli(['check', '--json', '--cwd', cwd, '--', ...command], { env });
    expect(JSON.parse(asked.stdout).decision.outcome).toBe('ask');
    expect(await fresh(command, cwd, env, memo)).toEqual(asked);
    // The placement rules name the memo's file: other rules, other assessments.
    await checkTwice(command, cwd, env);
    expect(readdirSync(memo)).toHaveLength(1);
    writeTree(root, { 'proj/.interlock/config.yaml': 'environments:\n  production:\n    - "*build*"\n' });
    const placed = await runCli(['check', '--json', '--cwd', cwd, '--', ...command], { env });
    expect(readdirSync(memo)).toHaveLength(2);
    // Another pattern in place of that one: as many patterns, other rules.
    writeTree(root, { 'proj/.interlock/config.yaml': 'environments:\n  production:\n    - "*dist*"\n' });
    await runCli(['check', '--json', '--cwd', cwd, '--', ...command], { env });
    expect(readdirSync(memo)).toHaveLength(3);
    expect(await fresh(command, cwd, env, memo)).toEqual(placed);
  });

  it('are the bundled one-shot command’s too, for check and explain alike', () => {
    const { cwd, env, memo } = project();
    const check = ['check', '--cwd', cwd, '--', 'git', 'reset', '--hard'];
    const explain = ['explain', '--cwd', cwd, '--', 'git', 'reset', '--hard'];
    const first = [spawnCli(check, { env }), spawnCli(explain, { env })];
    expect(readdirSync(memo)).toHaveLength(1);
    const again = [spawnCli(check, { env }), spawnCli(explain, { env })];
    expect(again).toEqual(first);
  });

  it('are not read once Interlock runs as its own user (system mode)', async () => {
    const { cwd, env, memo } = project();
    const command = ['rm', '-rf', './build'];
    const { first } = await checkTwice(command, cwd, env);
    tamper(memo, 'deletes the tree', 'tampered: deletes the tree');
    // The root-owned marker `setup --system` writes (the tests run as root, as that setup does).
    const prefix = tempTree();
    const { configDir, marker } = systemPaths(prefix);
    mkdirSync(configDir, { recursive: true, mode: 0o755 });
    writeFileSync(marker, JSON.stringify({ mode: 'system', user: 'interlock' }), { mode: 0o644 });
    const system = await runCli(['check', '--json', '--cwd', cwd, '--', ...command], {
      env: { ...env, INTERLOCK_SYSTEM_ROOT: prefix },
    });
    expect(system.stdout).toBe(first.stdout);
    expect(system.stdout).not.toMatch(/tampered/);
  });
});
