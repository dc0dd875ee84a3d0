import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { runCli, spawnCli } from '../support/cli.js';
import { tempTree, writeTree } from '../support/tmp.js';

// `interlock policy list` keeps the list of a policy set that compiled and shows it again without
// compiling Cedar; an edited policy is a new set, and once Interlock runs as its own user the kept list
// (a file the agent's user could write) is never read.

const POLICY = (id: string) =>
  `@id("${id}")\n@outcome("ask")\npermit (principal, action in Interlock::Action::"mutate", resource)\nwhen { context.destructive };\n`;

function project() {
  const root = tempTree({ 'proj/.interlock/policies/team.cedar': POLICY('team.ask-destructive') });
  const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') };
  // The user's configuration directory is listed once it exists (the first run's caches create it).
  mkdirSync(join(root, 'xdg/interlock'), { recursive: true });
  const lists = join(root, 'xdg/interlock/cache/policy-lists');
  return { root, cwd: join(root, 'proj'), env, lists };
}

/** Rewrite the kept list as someone with write access to the user's configuration could. */
function tamperKeptList(lists: string): void {
  const [name] = readdirSync(lists);
  const file = join(lists, name!);
  writeFileSync(file, readFileSync(file, 'utf8').replace('team.ask-destructive', 'team.tampered'));
}

describe('the kept policy list', () => {
  it('shows the same list again, from the kept file', async () => {
    const { cwd, env, lists } = project();
    const first = await runCli(['policy', 'list'], { cwd, env });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/team\.ask-destructive +ask/);
    expect(readdirSync(lists)).toHaveLength(1);
    const again = await runCli(['policy', 'list'], { cwd, env });
    expect(again).toEqual(first);
    const json = await runCli(['policy', 'list', '--json'], { cwd, env });
    // The kept file is what the second run read: a change to it shows.
    tamperKeptList(lists);
    expect((await runCli(['policy', 'list'], { cwd, env })).stdout).toMatch(/team\.tampered/);
    expect(JSON.parse(json.stdout).policies).toContainEqual(
      expect.objectContaining({ id: 'team.ask-destructive', outcome: 'ask', tightenOnly: true }),
    );
  });

  it('is the bundled one-shot command’s too', () => {
    const { cwd, env, lists } = project();
    const first = spawnCli(['policy', 'list', '--cwd', cwd], { env });
    expect(readdirSync(lists)).toHaveLength(1);
    const again = spawnCli(['policy', 'list', '--cwd', cwd], { env });
    expect(first.status).toBe(0);
    expect(again).toEqual(first);
  });

  it('is never stale: an edited policy is listed as it now is', async () => {
    const { cwd, env, root } = project();
    await runCli(['policy', 'list'], { cwd, env });
    writeTree(root, { 'proj/.interlock/policies/team.cedar': POLICY('team.edited') });
    const after = await runCli(['policy', 'list'], { cwd, env });
    expect(after.stdout).toMatch(/team\.edited/);
    expect(after.stdout).not.toMatch(/team\.ask-destructive/);
  });

  it('keeps nothing of a set that does not compile, and reports it every time', async () => {
    const { cwd, env, root, lists } = project();
    writeTree(root, { 'proj/.interlock/policies/broken.cedar': 'permit (principal, action, resource' });
    for (let i = 0; i < 2; i++) {
      const result = await runCli(['policy', 'list'], { cwd, env });
      expect(result.status).not.toBe(0);
      expect(result.stdout).toMatch(/broken\.cedar/);
    }
    expect(() => readdirSync(lists)).toThrow();
  });

  it('is not read once Interlock runs as its own user (system mode)', async () => {
    const { cwd, env, lists } = project();
    const expected = (await runCli(['policy', 'list'], { cwd, env })).stdout;
    tamperKeptList(lists);
    // The root-owned marker `setup --system` writes (the tests run as root, as that setup does).
    const prefix = tempTree();
    const { configDir, marker } = systemPaths(prefix);
    mkdirSync(configDir, { recursive: true, mode: 0o755 });
    writeFileSync(marker, JSON.stringify({ mode: 'system', user: 'interlock' }), { mode: 0o644 });
    const system = await runCli(['policy', 'list'], { cwd, env: { ...env, INTERLOCK_SYSTEM_ROOT: prefix } });
    expect(system.stdout).toBe(expected);
    expect(system.stdout).not.toMatch(/team\.tampered/);
  });
});
