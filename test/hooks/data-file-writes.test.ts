import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFile } from '../../src/analyzers/sensitive-files.js';
import { baseEnv, runHere, tempHome } from './support.js';

// `> db/production.sqlite3` in the shell is judged as destroying data; the same rewrite through the agent's
// own Write tool was allowed (its file tools were judged for sensitive files only). A database or data file
// that exists is now judged alike, whichever tool rewrites it; a new one, or an ordinary file, is not.

function project() {
  const home = tempHome();
  const cwd = join(home, 'project');
  mkdirSync(join(cwd, 'db'), { recursive: true });
  writeFileSync(join(cwd, 'db', 'production.sqlite3'), 'SQLite format 3\0…');
  writeFileSync(join(cwd, 'orders.dump'), 'PGDMP…');
  return { home, cwd };
}

const write = (cwd: string, path: string, content = '') =>
  JSON.stringify({
    session_id: 's',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: 'Write',
    tool_input: { file_path: join(cwd, path), content },
  });

const decision = (stdout: string) =>
  stdout
    ? (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput
        .permissionDecision
    : 'no opinion';

describe("data files rewritten through the agent's Write tool", () => {
  it.each(['db/production.sqlite3', 'orders.dump'])('%s, which exists, is asked about', async (path) => {
    const { home, cwd } = project();
    const r = await runHere(['hook', 'claude-code'], write(cwd, path), baseEnv(home), cwd);
    expect(r.code).toBe(0);
    expect(decision(r.stdout)).toBe('ask');
    expect(r.stdout).toMatch(/database or data file/);
  });

  it.each(['db/new.sqlite3', 'src/app.ts', 'db/seed.sql'])('%s is left to the agent', async (path) => {
    const { home, cwd } = project();
    const r = await runHere(['hook', 'claude-code'], write(cwd, path, 'x'), baseEnv(home), cwd);
    expect(decision(r.stdout)).toBe('no opinion');
  });

  it('names data files by their kind, scratch directories aside', () => {
    const ctx = { cwd: '/home/u/p', home: '/home/u', userConfigDir: '/home/u/.config/interlock' };
    expect(changedFile('data/events.parquet', ctx)?.category).toBe('data');
    expect(changedFile('backups/app.db.bak', ctx)?.category).toBe('data');
    expect(changedFile('.env', ctx)?.category).toBe('credentials');
    expect(changedFile('/tmp/scratch.db', ctx)).toBeUndefined();
    expect(changedFile('migrations/001_init.sql', ctx)).toBeUndefined();
  });
});
