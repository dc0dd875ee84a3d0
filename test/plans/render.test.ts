import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/render/palette.js';
import { md, planJson, renderPlanMarkdown, renderPlanText } from '../../src/plans/render.js';
import { parsePlanDocument } from '../../src/plans/load.js';
import { FIXTURES, SECRETS, checkFixture, checkPlan, harmlessPlan } from './helpers.js';

const ALL = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.json')), 'terraform-real/plan.json'];

describe('text summary', () => {
  it('verdict, counts and share first, then the worst finding, the data at stake and why', async () => {
    const text = renderPlanText(await checkFixture('terraform-aws-production.json'), PLAIN);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'REQUIRE APPROVAL (2 approvers)  Terraform plan (1.9.8), production, risk critical',
    );
    expect(lines[1]).toBe(
      '  1 to create, 3 to update, 2 to replace, 4 to destroy, 1 to read; 6 of 19 existing resources destroyed or replaced (32%)',
    );
    expect(lines[2]).toBe('  findings (worst first):');
    expect(lines[3]).toContain('critical stateful-delete');
    expect(text).toContain('data at stake (5):');
    expect(text).toMatch(
      /destroy\s+bucket\s+aws_s3_bucket\.uploads\s+force_destroy: every object is deleted/,
    );
    expect(text).toContain('other destructive changes (2):');
    expect(text).toContain('environment from: variable environment=production, tag Environment=production');
    expect(text).toContain('prevent_destroy is not recorded in plan JSON');
    expect(text).toMatch(/why: Destructive change in production.*\(7 changes: /);
    expect(lines.length).toBeLessThan(35);
  });

  it('a harmless plan says so in one line', async () => {
    const plan = parsePlanDocument(
      harmlessPlan({ variables: { environment: { value: 'production' } } }),
      'x',
    );
    const text = renderPlanText(await checkPlan(plan, 'x'), PLAIN);
    expect(text.split('\n')[0]).toBe('ALLOW  Terraform plan (1.9.0), production, risk low');
    expect(text).toContain('1 to create');
    expect(text).not.toContain('why:');
  });

  it('an incomplete plan says why it is not allowed, and what stands for the part it does not show', async () => {
    const text = renderPlanText(await checkFixture('terraform-deferred.json'), PLAIN);
    expect(text.split('\n')[0]).toBe('DENY  Terraform plan (1.10.0-alpha20241023), production, risk high');
    expect(text).toContain(
      '    execute-unverifiable (what the plan does not show)  the plan is incomplete: applying it may do more than it shows\n',
    );
    expect(text).toContain('why: the plan is incomplete: applying it may do more than it shows');
  });

  it('CloudFormation names the stack and says the share is not known', async () => {
    const text = renderPlanText(await checkFixture('cloudformation-production.json'), PLAIN);
    expect(text.split('\n')[0]).toContain('CloudFormation change set for stack orders-prod');
    expect(text).toContain('a change set lists only what changes');
    expect(text).not.toContain('prevent_destroy');
  });
});

/** A database destroyed by a plan that names no environment and shows no protection of it. */
const UNPLACED_DB = parsePlanDocument(
  {
    format_version: '1.2',
    terraform_version: '1.9.0',
    resource_changes: [
      {
        address: 'aws_db_instance.main',
        mode: 'managed',
        type: 'aws_db_instance',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['delete'], before: { identifier: 'main', engine: 'postgres' }, after: null },
      },
    ],
  },
  'unplaced.json',
);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the environment and the protection, in words', () => {
  it('an unknown environment is "unknown (treated as production)", said once in the heading', async () => {
    const check = await checkPlan(UNPLACED_DB, 'unplaced.json');
    const markdown = renderPlanMarkdown(check);
    expect(markdown.split('\n')[2]).toBe(
      '**Terraform plan (1.9.0)** · environment **unknown (treated as production)** · risk **critical**  ',
    );
    expect(occurrences(markdown, 'unknown (treated as production)')).toBe(1);
    expect(markdown).not.toMatch(/environment\W+environment/);
    const text = renderPlanText(check, PLAIN);
    expect(text.split('\n')[0]).toBe(
      'REQUIRE APPROVAL (2 approvers)  Terraform plan (1.9.0), environment unknown (treated as production), risk critical',
    );
    expect(occurrences(text, 'unknown (treated as production)')).toBe(1);
  });

  it.each([
    ['unplaced.json', 'aws_db_instance.main', 'database', 'none shown'],
    ['opentofu-azure-k8s.json', 'azurerm_resource_group.old', 'resource-group', 'none shown'],
    [
      'terraform-other-providers.json',
      'digitalocean_database_cluster.main',
      'database',
      'none shown; category guessed from the type name',
    ],
    [
      'terraform-aws-production.json',
      'aws_rds_cluster.analytics',
      'database',
      'deletion protection on: the delete fails until it is turned off; a final snapshot is taken',
    ],
  ])(
    '%s: %s, a resource that holds data, says its protection in words',
    async (name, address, category, words) => {
      const check = name === 'unplaced.json' ? await checkPlan(UNPLACED_DB, name) : await checkFixture(name);
      const action = check.assessment.blast.stateful.find((s) => s.address === address)?.action;
      expect(renderPlanMarkdown(check)).toContain(
        `| ${action === 'delete' ? 'destroy' : action} | ${category} | \`${address}\` | ${md(words)} |`,
      );
      const line = renderPlanText(check, PLAIN)
        .split('\n')
        .find(
          (l) =>
            l.startsWith('    ') && l.trim().split(/\s+/).slice(1, 3).join(' ') === `${category} ${address}`,
        );
      expect(line?.endsWith(`${address}  ${words}`)).toBe(true);
    },
  );
});

describe('markdown for a pull request', () => {
  it('heading, counts, findings, the stateful table and folded details', async () => {
    const markdown = renderPlanMarkdown(await checkFixture('terraform-aws-production.json'));
    expect(markdown.startsWith('### 🛑 Interlock: REQUIRE APPROVAL (2 approvers)\n')).toBe(true);
    expect(markdown).toContain('#### Findings\n- 🔴 **critical** `stateful-delete`');
    expect(markdown).toContain('| action | category | resource | protection |');
    expect(markdown).toContain('| replace | database | `module.db.aws_db_instance.main` |');
    expect(markdown).toContain('<details><summary>7 destructive changes</summary>');
    expect(markdown).toContain('**Why:** Destructive change in production');
  });

  it('escapes what could break a table or inject markup', () => {
    expect(md('a|b <script> `x` *y*')).toBe('a\\|b \\<script\\> \\`x\\` \\*y\\*');
    expect(md('line\nbreak')).toBe('line break');
  });
});

describe('JSON', () => {
  it('one object with the action, assessment (blast radius, findings, effects) and decision', async () => {
    const json = planJson(await checkFixture('terraform-aws-production.json')) as {
      action: unknown;
      assessment: { blastRadius: unknown; findings: { id: string }[]; effects: unknown[] };
      decision: unknown;
    };
    expect(json.action).toMatchObject({ kind: 'terraform-plan', format: 'terraform', tool: 'terraform' });
    expect(json.assessment.blastRadius).toMatchObject({ existing: 19, destroyed: 6, statefulCount: 5 });
    expect(json.assessment.findings[0]?.id).toBe('stateful-delete');
    expect(json.assessment.effects).toHaveLength(11);
    expect(json.decision).toMatchObject({ outcome: 'require-approval', approvals: 2 });
  });
});

describe('sensitive values are never printed', () => {
  it.each(ALL)('%s in text, markdown and JSON', async (name) => {
    const check = await checkFixture(name);
    for (const out of [
      renderPlanText(check, PLAIN),
      renderPlanMarkdown(check),
      JSON.stringify(planJson(check)),
    ]) {
      for (const secret of SECRETS) expect(out).not.toContain(secret);
    }
  });
});
