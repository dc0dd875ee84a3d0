import { describe, expect, it } from 'vitest';
import { forgesCorpus } from '../corpus/forges.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('forges corpus', () => corpusTests(forgesCorpus));

describe('forges analyzer', () => {
  it('reports categories policies can use', async () => {
    await expectCategories([
      ['gh repo delete acme/web --yes', 'repository'],
      ['gh secret delete NPM_TOKEN', 'secrets'],
      ['gh release delete v1 --yes', 'release'],
      ['gh workflow disable deploy.yml', 'ci'],
      ['gh repo deploy-key delete 1', 'iam'],
      ['glab variable delete API_URL', 'config'],
    ]);
  });

  it('reads `gh api` like an HTTP request: the method, fields that make it a POST, the forge as the host', async () => {
    const del = await check('gh api -X DELETE repos/acme/web/branches/main/protection');
    expect(del.assessment.effects[0]).toMatchObject({
      operation: 'delete',
      target: expect.stringContaining('api.github.com/repos/acme/web'),
    });
    const post = await check('gh api repos/acme/web/issues -f title=bug');
    expect(post.assessment.effects[0]).toMatchObject({ operation: 'modify', risk: 'low' });
    const enterprise = await check('gh api -X DELETE repos/acme/web', {
      env: { GH_HOST: 'github.prod.example.com' },
    });
    expect(enterprise.assessment.environment).toBe('production');
    expect((await check('glab api -X DELETE projects/42')).assessment.effects[0]?.target).toContain(
      'gitlab.com/api/v4/projects/42',
    );
  });

  it('reports `gh auth token` as a low-risk read of a secret, and `pr merge` with --admin as a change', async () => {
    const token = await check('gh auth token');
    expect(token.assessment.effects[0]).toMatchObject({
      operation: 'read',
      risk: 'low',
      category: 'secrets',
    });
    expect(token.decision.outcome).toBe('allow');
    expect((await check('gh pr merge 1 --squash')).decision.outcome).toBe('allow');
    expect((await check('gh pr merge 1 --admin')).decision.outcome).not.toBe('allow');
  });

  it('places secrets by their environment and a repository by its name', async () => {
    expect((await check('gh secret delete KEY --env staging')).assessment.environment).toBe('non-production');
    expect((await check('gh repo delete acme/billing-prod --yes')).assessment.environment).toBe('production');
    expect((await check('gh repo delete acme/billing --yes')).assessment.environment).toBe('unknown');
  });
});
