import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A SQL client's own shell commands (psql and mysql `\!`, mysql `system` and `pager`, sqlite `.shell`)
// run on this machine, whatever server the client is connected to: what they run is assessed as shell.
// `mysql -h prod-db -e 'system rm -rf …'` was read as SQL (medium), and `\! ls` was as unverifiable as
// `\! rm -rf ~`.

describe('a SQL client shell command is assessed as shell', () => {
  it.each([
    "mysql -e 'system rm -rf ~'",
    "mysql -h prod-db -e 'SYSTEM rm -rf ~'",
    "mysql -e '\\! rm -rf ~'",
    "mysql -e 'pager rm -rf ~'",
    "mysql -e '\\P rm -rf ~'",
    "mysql app <<'EOF'\nselect 1;\nsystem rm -rf ~\nEOF",
    "psql -c '\\! rm -rf ~'",
    "sqlite3 app.db '.shell rm -rf ~'",
    "sqlite3 app.db '.system rm -rf ~'",
  ])('%s deletes the home directory', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
    expect(r.assessment.effects.map((e) => e.target)).toContain('/home/dev');
  });

  it.each([
    "mysql -e 'system ls'",
    "psql -h prod-db -c '\\! ls -la'",
    "mysql -e 'select system_user()'",
    'mysql -e "select \'system rm -rf ~\' as note"',
    "mysql -e '\\p'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
