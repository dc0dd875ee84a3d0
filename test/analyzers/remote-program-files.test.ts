import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A program file run on another machine cannot be read from here (src/analyzers/program-files.ts): on a
// production host it is unverifiable, as a shell script there is (`ssh prod-web-1 'bash cleanup.sh'`).
// `ssh prod-web-1 'python3 cleanup.py'` was allowed: the interpreter's analyzer read nothing and said so.

describe('program files on another machine', () => {
  it.each([
    "ssh prod-web-1 'python3 cleanup.py'",
    "ssh prod-web-1 'node scripts/migrate.js'",
    "ssh prod-web-1 'ruby fix.rb --apply'",
    "ssh prod-web-1 'awk -f fix.awk data.csv'",
    "ssh deploy@db.prod.internal 'cd /srv/app && python manage_fix.py'",
    'kubectl --context prod exec deploy/api -- python /app/scripts/backfill.py',
  ])('%s cannot be verified in production', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).toBe('deny');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    "ssh dev-box-1 'python3 cleanup.py'",
    "ssh build-runner-3 'node scripts/report.js'",
    'ssh prod-web-1 \'python3 -c "print(42)"\'',
    "ssh prod-web-1 'python3 --version'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
