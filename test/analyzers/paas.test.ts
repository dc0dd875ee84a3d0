import { describe, expect, it } from 'vitest';
import { paasCorpus } from '../corpus/paas.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('paas corpus', () => corpusTests(paasCorpus));

describe('paas analyzer', () => {
  it('reports categories policies can use', async () => {
    await expectCategories([
      ['heroku apps:destroy -a billing', 'app'],
      ['heroku pg:reset -a billing', 'database'],
      ['heroku addons:destroy heroku-redis -a billing', 'addon'],
      ['fly volumes destroy vol_1 -a billing', 'volume'],
      ['fly secrets unset KEY -a billing', 'secrets'],
      ['vercel domains rm example.com', 'dns'],
      ['wrangler r2 bucket delete uploads', 'storage'],
    ]);
  });

  it('takes an app name as a weak hint and --prod / --env / --context as facts', async () => {
    expect((await check('heroku apps:destroy -a billing')).assessment.environment).toBe('unknown');
    expect(
      (await check('heroku config:unset KEY', { env: { HEROKU_APP: 'billing-prod' } })).assessment
        .environment,
    ).toBe('production');
    expect((await check('wrangler delete api --env staging')).assessment.environment).toBe('non-production');
    expect((await check('netlify env:unset KEY --context branch-deploy')).assessment.environment).toBe(
      'unknown',
    );
  });

  it('scales to zero as a high-risk change and other counts as routine', async () => {
    expect((await check('heroku ps:scale web=0 worker=2 -a billing')).assessment.risk).toBe('high');
    expect((await check('heroku ps:scale web=2 -a billing')).decision.outcome).toBe('allow');
    expect((await check('fly scale count 3 -a billing')).decision.outcome).toBe('allow');
  });

  it('keeps supabase and D1 on this machine unless --linked, --db-url or --remote', async () => {
    expect((await check('supabase db reset')).assessment.environment).toBe('non-production');
    expect((await check('supabase db reset --linked')).assessment.environment).toBe('unknown');
    expect(
      (await check('supabase db reset --db-url postgres://u@db.prod.example.com/x')).assessment.environment,
    ).toBe('production');
    expect((await check('supabase db push --local')).decision.outcome).toBe('allow');
    const d1 = (flags: string) => check(`wrangler d1 execute app-db ${flags} --command "DROP TABLE users"`);
    expect((await d1('')).assessment.environment).toBe('non-production');
    expect((await d1('--remote')).assessment.environment).toBe('unknown');
  });

  it('reads D1 SQL with the SQL assessment', async () => {
    const r = await check('wrangler d1 execute app-db --remote --command "DELETE FROM users WHERE id = 1"');
    expect(r.assessment.effects[0]).toMatchObject({
      tool: 'wrangler',
      operation: 'delete',
      category: 'table',
    });
    const file = await check('wrangler d1 execute app-db --remote --file seed.sql');
    expect(file.assessment.effects[0]?.reason).toContain('not inspected');
  });
});
