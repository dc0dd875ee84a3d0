import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Principal } from '../../src/core/decide.js';
import { CedarPolicyEvaluator } from '../../src/policy/engine.js';
import { packSource } from '../../src/policy/packs.js';
import type { PolicySource } from '../../src/policy/policy-file.js';
import { assessPlan, type PlanContext } from '../../src/plans/assess.js';
import type { PlanCheck } from '../../src/plans/check.js';
import { decidePlan } from '../../src/plans/decide.js';
import { parsePlanDocument } from '../../src/plans/load.js';
import type { ParsedPlan } from '../../src/plans/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));

export function fixturePath(name: string): string {
  return `${FIXTURES}${name}`;
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function parsedFixture(name: string): ParsedPlan {
  return parsePlanDocument(fixture(name), name);
}

/** Every value in the fixtures that a plan marks sensitive (or that is a secret by name): never printed. */
export const SECRETS = ['s3cr3t-value', 'never-printed', 'generated-secret'];

export const AGENT: Principal = { type: 'Agent', id: 'claude-code', vendor: 'anthropic', actsFor: 'dev' };

const evaluators = new Map<string, Promise<CedarPolicyEvaluator>>();

/** The baseline pack, or other policy sources, preparsed once per test file. */
export function evaluator(sources: PolicySource[] = [packSource('baseline')]): Promise<CedarPolicyEvaluator> {
  const key = sources.map((s) => s.text).join('\0');
  let found = evaluators.get(key);
  if (!found) {
    found = CedarPolicyEvaluator.load(sources);
    evaluators.set(key, found);
  }
  return found;
}

/** Assess and decide a parsed plan as `interlock plan check` would. */
export async function checkPlan(
  plan: ParsedPlan,
  name: string,
  context: PlanContext = {},
  sources?: PolicySource[],
): Promise<PlanCheck> {
  const assessment = assessPlan(plan, context);
  const decision = decidePlan(assessment, AGENT, await evaluator(sources));
  return { file: name, sha256: '0'.repeat(64), bytes: 0, assessment, decision };
}

/** Assess and decide a fixture as `interlock plan check` would, without reading the file from disk. */
export function checkFixture(
  name: string,
  context: PlanContext = {},
  sources?: PolicySource[],
): Promise<PlanCheck> {
  return checkPlan(parsedFixture(name), name, context, sources);
}

/** A project that turns the packs off and permits everything. */
export const PERMIT_EVERYTHING: PolicySource = {
  origin: 'team.cedar',
  text: '@id("team.permit-everything")\n@outcome("allow")\npermit (principal, action, resource);',
};

/** A harmless Terraform plan (one queue created), with the given top-level fields (errored, complete…). */
export function harmlessPlan(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    resource_changes: [
      {
        address: 'aws_sqs_queue.jobs',
        mode: 'managed',
        type: 'aws_sqs_queue',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after: { name: 'jobs' } },
      },
    ],
    applyable: true,
    complete: true,
    errored: false,
    ...fields,
  };
}
