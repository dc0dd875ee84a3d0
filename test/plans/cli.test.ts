import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPlanCheck } from '../../src/cli/commands/plan.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';
import { fixturePath, harmlessPlan } from './helpers.js';

let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('interlock plan check', () => {
  it('exit code is the outcome: require-approval for a production plan', async () => {
    expect(await runPlanCheck(fixturePath('terraform-aws-production.json'), {})).toBe(
      EXIT_CODES['require-approval'],
    );
    expect(out).toMatch(/^REQUIRE APPROVAL \(2 approvers\)/);
    expect(out).not.toContain('\x1b['); // not a terminal: no colour
  });

  it('ask for staging; --env production makes it production', async () => {
    expect(await runPlanCheck(fixturePath('terraform-aws-staging.json'), {})).toBe(EXIT_CODES.ask);
    expect(await runPlanCheck(fixturePath('terraform-aws-staging.json'), { env: 'production' })).toBe(
      EXIT_CODES['require-approval'],
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'interlock-plan-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const planFile = (name: string, doc: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };

  it('allow for a harmless plan', async () => {
    expect(await runPlanCheck(planFile('harmless.json', harmlessPlan()), { env: 'production' })).toBe(
      EXIT_CODES.allow,
    );
  });

  it.each([
    ['errored', { errored: true, complete: false }, 'the plan errored and is incomplete'],
    ['incomplete', { complete: false }, 'the plan is incomplete'],
  ])(
    'an %s plan is never allowed: ask outside production, deny otherwise, saying why',
    async (name, flags, what) => {
      const file = planFile(`${name}.json`, harmlessPlan(flags));
      const why = `why: ${what}: applying it may do more than it shows`;
      for (const [options, outcome, headline] of [
        [{}, 'deny', 'DENY  Terraform plan (1.9.0), environment unknown (treated as production), risk high'],
        [{ env: 'production' }, 'deny', 'DENY  Terraform plan (1.9.0), production, risk high'],
        [{ env: 'dev' }, 'ask', 'ASK  Terraform plan (1.9.0), non-production, risk high'],
      ] as const) {
        out = '';
        expect(await runPlanCheck(file, options)).toBe(EXIT_CODES[outcome]);
        expect(out.split('\n')[0]).toBe(headline);
        expect(out).toContain(why);
      }
    },
  );

  it('--json prints exactly one JSON object', async () => {
    await runPlanCheck(fixturePath('cloudformation-production.json'), { json: true });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toMatchObject({
      action: { kind: 'cloudformation-changeset', stack: 'orders-prod' },
      decision: { outcome: 'require-approval' },
    });
  });

  it('["create","forget"]: the JSON counts one create and one forget and has both effects', async () => {
    await runPlanCheck(fixturePath('opentofu-azure-k8s.json'), { json: true });
    const json = JSON.parse(out) as {
      assessment: {
        blastRadius: { counts: Record<string, number> };
        effects: { operation: string; target: string }[];
      };
    };
    expect(json.assessment.blastRadius.counts).toMatchObject({ create: 1, forget: 2 });
    expect(
      json.assessment.effects
        .filter((e) => e.target === 'kubernetes_deployment_v1.api')
        .map((e) => e.operation),
    ).toEqual(['create', 'modify']);
    out = '';
    await runPlanCheck(fixturePath('opentofu-azure-k8s.json'), {});
    expect(out.split('\n')[1]).toMatch(
      /^ {2}1 to create, 1 to replace, 2 to destroy, 2 to forget, 1 to import;/,
    );
  });

  it('--format markdown', async () => {
    await runPlanCheck(fixturePath('opentofu-azure-k8s.json'), { format: 'markdown' });
    expect(out).toMatch(/^### 🛑 Interlock: REQUIRE APPROVAL/);
  });

  it('a plan saved by Windows PowerShell 5.1 (UTF-16 LE with a BOM) is checked like the UTF-8 one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-plan-cli-'));
    try {
      const file = join(dir, 'plan.json');
      const text = readFileSync(fixturePath('terraform-aws-staging.json'), 'utf8');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect(await runPlanCheck(file, {})).toBe(EXIT_CODES.ask);
      expect(err).toBe('');
      const utf16 = out;
      out = '';
      await runPlanCheck(fixturePath('terraform-aws-staging.json'), {});
      const withoutHash = (s: string) => s.replace(/plan sha256 [0-9a-f]{64}/, '');
      expect(withoutHash(utf16)).toBe(withoutHash(out));
      expect(utf16.split('\n')[0]).toBe('ASK  Terraform plan (1.9.8), non-production, risk critical');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--format markdown for a plan with no environment hint: the heading says it once; no protection is "none shown"', async () => {
    const file = planFile('unplaced.json', {
      format_version: '1.2',
      terraform_version: '1.9.0',
      resource_changes: [
        {
          address: 'aws_db_instance.main',
          type: 'aws_db_instance',
          change: { actions: ['delete'], before: { identifier: 'main' }, after: null },
        },
      ],
    });
    expect(await runPlanCheck(file, { format: 'markdown' })).toBe(EXIT_CODES['require-approval']);
    expect(out).toContain('· environment **unknown (treated as production)** ·');
    expect(out.split('unknown (treated as production)')).toHaveLength(2);
    expect(out).toContain('| destroy | database | `aws_db_instance.main` | none shown |');
  });

  it('a bad file exits 2 with a message naming the field, and prints nothing on stdout', async () => {
    expect(await runPlanCheck(fixturePath('missing.json'), {})).toBe(EXIT_CODES.usage);
    expect(err).toContain('interlock plan check: ');
    expect(err).toContain('no such file');
    err = '';
    expect(await runPlanCheck(fixturePath('terraform-real/generate.sh'), {})).toBe(EXIT_CODES.usage);
    expect(out).toBe('');
  });
});

describe('plan check uses the configuration in force', () => {
  it("places the plan with the project's environment patterns (environments.production: [blue])", async () => {
    const project = mkdtempSync(join(tmpdir(), 'interlock-plan-config-'));
    const plan = join(project, 'plan.json');
    writeFileSync(plan, JSON.stringify(harmlessPlan()));
    const run = async () => {
      out = '';
      await runPlanCheck(plan, { json: true, workspace: 'blue', cwd: project });
      return JSON.parse(out) as { assessment: { environment: string } };
    };
    expect((await run()).assessment.environment).toBe('unknown');
    mkdirSync(join(project, '.interlock'));
    writeFileSync(join(project, '.interlock', 'config.yaml'), 'environments:\n  production: [blue]\n');
    expect((await run()).assessment.environment).toBe('production');
    rmSync(project, { recursive: true, force: true });
  });
});
