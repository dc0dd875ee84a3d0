// Plan analysis benchmark: assessing a generated 10,000-resource Terraform plan against JSON.parse of the
// same text. Goal: parse + validate + assess ≤ 1.5 × JSON.parse alone. The policy decision (Cedar) on the
// plan's effects is timed separately. `node dist/bench/plan.js [resources]`, or part of `npm run bench`.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CedarPolicyEvaluator } from '../policy/engine.js';
import { packSource } from '../policy/packs.js';
import { assessPlan } from '../plans/assess.js';
import { decidePlan } from '../plans/decide.js';
import { parsePlanText } from '../plans/load.js';
import { fmt, summary, timeMicros } from './stats.js';

const AWS = 'registry.terraform.io/hashicorp/aws';

// Resource types of a typical AWS estate, stateful ones among them, with the attributes they carry.
const TYPES: readonly { type: string; values: (i: number) => Record<string, unknown> }[] = [
  {
    type: 'aws_instance',
    values: (i) => ({
      ami: 'ami-0abcdef1234567890',
      instance_type: 't3.medium',
      subnet_id: `subnet-${(i % 97).toString(16).padStart(8, '0')}`,
      vpc_security_group_ids: [`sg-${(i % 13).toString(16).padStart(8, '0')}`],
      root_block_device: [
        { volume_size: 50, volume_type: 'gp3', encrypted: true, delete_on_termination: true },
      ],
      metadata_options: [
        { http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 1 },
      ],
      user_data: null,
      monitoring: true,
    }),
  },
  {
    type: 'aws_security_group_rule',
    values: (i) => ({
      type: 'ingress',
      from_port: 443,
      to_port: 443,
      protocol: 'tcp',
      cidr_blocks: ['10.0.0.0/8'],
      security_group_id: `sg-${(i % 13).toString(16).padStart(8, '0')}`,
      description: `rule ${i}`,
    }),
  },
  {
    type: 'aws_iam_role_policy_attachment',
    values: (i) => ({ role: `role-${i % 50}`, policy_arn: `arn:aws:iam::123456789012:policy/p-${i % 70}` }),
  },
  {
    type: 'aws_s3_bucket',
    values: (i) => ({
      bucket: `acme-data-${i}`,
      force_destroy: i % 5 === 0,
      versioning: [{ enabled: i % 2 === 0, mfa_delete: false }],
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
      ],
    }),
  },
  {
    type: 'aws_db_instance',
    values: (i) => ({
      identifier: `db-${i}`,
      engine: 'postgres',
      engine_version: '15.4',
      instance_class: 'db.r6g.large',
      allocated_storage: 200,
      deletion_protection: i % 3 === 0,
      skip_final_snapshot: i % 2 === 0,
      password: 'generated-secret',
      backup_retention_period: 7,
    }),
  },
  {
    type: 'aws_lambda_function',
    values: (i) => ({
      function_name: `fn-${i}`,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      memory_size: 256,
      timeout: 30,
      environment: [{ variables: { LOG_LEVEL: 'info', TABLE: `t-${i % 40}` } }],
    }),
  },
  {
    type: 'aws_route53_record',
    values: (i) => ({
      zone_id: 'Z0123456789ABCDEFGHIJ',
      name: `host-${i}.example.com`,
      type: 'A',
      ttl: 300,
      records: [`10.0.${i % 256}.${(i >> 8) % 256}`],
    }),
  },
  {
    type: 'aws_sqs_queue',
    values: (i) => ({ name: `q-${i}`, visibility_timeout_seconds: 30, message_retention_seconds: 345600 }),
  },
];

export interface GeneratedPlanOptions {
  /** Share of resource changes of each kind; the rest are no-ops (a typical plan changes few resources). */
  update?: number;
  create?: number;
  delete?: number;
  replace?: number;
  environment?: string;
}

/**
 * A Terraform 1.x plan JSON document with `resources` resource changes, shaped like `terraform show -json`
 * output: variables, planned_values, resource_changes (before/after/sensitive masks, modules, count
 * indices, action reasons), prior_state and configuration.
 */
export function generatePlan(resources: number, options: GeneratedPlanOptions = {}): object {
  const share = { update: 0.08, create: 0.04, delete: 0.03, replace: 0.02, ...options };
  const changes: object[] = [];
  const planned: object[] = [];
  const prior: object[] = [];
  for (let i = 0; i < resources; i++) {
    const t = TYPES[i % TYPES.length]!;
    const module = i % 4 === 0 ? undefined : `module.svc_${i % 25}`;
    const index = i % 3 === 0 ? i : undefined;
    const name = `r${Math.floor(i / 3)}`;
    const address = `${module ? `${module}.` : ''}${t.type}.${name}${index === undefined ? '' : `[${index}]`}`;
    const roll = ((i * 2654435761) % 1000) / 1000;
    let actions: string[] = ['no-op'];
    let reason: string | undefined;
    let edge = share.update;
    if (roll < edge) actions = ['update'];
    else if (roll < (edge += share.create)) actions = ['create'];
    else if (roll < (edge += share.delete)) {
      actions = ['delete'];
      reason = index === undefined ? 'delete_because_no_resource_config' : 'delete_because_count_index';
    } else if (roll < (edge += share.replace)) {
      actions = i % 2 ? ['delete', 'create'] : ['create', 'delete'];
      reason = i % 3 ? 'replace_because_cannot_update' : 'replace_by_request';
    }
    const tags = {
      Environment: options.environment ?? 'production',
      Service: `svc-${i % 25}`,
      Owner: 'team',
    };
    const before = actions[0] === 'create' ? null : { id: `id-${i}`, ...t.values(i), tags, tags_all: tags };
    const after =
      actions[0] === 'delete' && actions.length === 1
        ? null
        : {
            ...t.values(i),
            ...(actions[0] === 'update' ? { description: `changed ${i}` } : {}),
            tags,
            tags_all: tags,
          };
    const sensitive = t.type === 'aws_db_instance' ? { password: true } : {};
    const rc: Record<string, unknown> = {
      address,
      ...(module ? { module_address: module } : {}),
      mode: 'managed',
      type: t.type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name: AWS,
      change: {
        actions,
        before,
        after,
        after_unknown: after ? { id: true, arn: true } : false,
        before_sensitive: before ? sensitive : false,
        after_sensitive: after ? sensitive : false,
        ...(reason === 'replace_because_cannot_update' ? { replace_paths: [['identifier']] } : {}),
      },
      ...(reason ? { action_reason: reason } : {}),
    };
    changes.push(rc);
    const resource = {
      address,
      mode: 'managed',
      type: t.type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name: AWS,
      schema_version: 0,
      sensitive_values: {},
    };
    if (after) planned.push({ ...resource, values: after });
    if (before) prior.push({ ...resource, values: before });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    variables: {
      environment: { value: options.environment ?? 'production' },
      region: { value: 'eu-west-1' },
    },
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    prior_state: {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: { root_module: { resources: prior } },
    },
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: AWS, expressions: { region: { constant_value: 'eu-west-1' } } },
      },
      root_module: { variables: { environment: {}, region: {} } },
    },
    timestamp: '2024-11-05T10:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

export interface PlanBenchResult {
  resources: number;
  bytes: number;
  jsonParse: { p50: number; mean: number };
  assess: { p50: number; mean: number };
  ratio: number;
  goal: number;
  decide: { p50: number; effects: number };
}

export async function benchPlans(resources = 10_000, runs = 15): Promise<PlanBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-plan-bench-'));
  try {
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(generatePlan(resources)));
    const text = readFileSync(file, 'utf8');
    // Interleaved, so that load from other processes on a shared machine hits both the same way.
    const parseTimes: number[] = [];
    const pipelineTimes: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = process.hrtime.bigint();
      JSON.parse(text);
      const t1 = process.hrtime.bigint();
      assessPlan(parsePlanText(text, 'plan.json'));
      const t2 = process.hrtime.bigint();
      if (i < 3) continue; // warm-up
      parseTimes.push(Number(t1 - t0) / 1000);
      pipelineTimes.push(Number(t2 - t1) / 1000);
    }
    const parse = summary(parseTimes.sort((a, b) => a - b));
    const pipeline = summary(pipelineTimes.sort((a, b) => a - b));
    const assessment = assessPlan(parsePlanText(text, 'plan.json'));
    const evaluator = await CedarPolicyEvaluator.load([packSource('baseline')]);
    const principal = { type: 'Agent' as const, id: 'bench', actsFor: 'dev' };
    const decision = summary(timeMicros(5, 1, () => decidePlan(assessment, principal, evaluator)));
    const result: PlanBenchResult = {
      resources,
      bytes: text.length,
      jsonParse: { p50: parse.p50, mean: parse.mean },
      assess: { p50: pipeline.p50, mean: pipeline.mean },
      ratio: pipeline.p50 / parse.p50,
      goal: 1.5,
      decide: { p50: decision.p50, effects: assessment.effects.length },
    };
    console.log(
      `plan of ${resources} resource changes (${(text.length / 1e6).toFixed(1)} MB), ${assessment.effects.length} effects, median of ${runs} runs`,
    );
    console.log(`  JSON.parse alone                 ${fmt(parse.p50)}`);
    console.log(
      `  parse + validate + assess        ${fmt(pipeline.p50)}  (${result.ratio.toFixed(2)}× JSON.parse; goal ≤ ${result.goal}×)`,
    );
    console.log(
      `  decide (baseline Cedar policies) ${fmt(decision.p50)}  for ${assessment.effects.length} effects`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 10_000);
  const result = await benchPlans(Number.isFinite(n) && n > 0 ? n : 10_000);
  if (result.ratio > result.goal) process.exitCode = 1;
}
