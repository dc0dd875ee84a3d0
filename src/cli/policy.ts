import { join } from 'node:path';
import { loadPolicies } from '../app/policies.js';
import { loadRuntime } from '../app/runtime.js';
import { loadPolicyTests, runPolicyTests } from '../app/policy-tests.js';
import { findProjectConfigDir } from '../config/discover.js';
import { localFacts } from '../adapters/local-facts.js';
import type { CompiledPolicy } from '../policy/policy-file.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { mayRememberVerdicts } from './remember-verdicts.js';
import { listFileFor, readPolicyList, writePolicyList, type ListedPolicy } from './remembered-policy-list.js';
import { paletteFor } from './render.js';
import { processIo, type CliIo } from './io.js';
import { configLines } from './policy-config.js';
import { EXIT_CODES } from '../core/exit-codes.js';

function policiesOf(evaluator: unknown): readonly CompiledPolicy[] {
  return (evaluator as { policies?: readonly CompiledPolicy[] }).policies ?? [];
}

/** `interlock policy validate`: every configured file parses and every policy matches the schema. */
export async function policyValidate(cwd: string): Promise<number> {
  // Policies only: validating them needs no shell parser.
  const rt = await loadPolicies({ cwd });
  if (rt.problems.length) {
    for (const p of rt.problems) process.stderr.write(`✗ ${p}\n`);
    return EXIT_CODES.failed;
  }
  const policies = policiesOf(rt.evaluator);
  const files = new Set(policies.map((p) => p.origin));
  process.stdout.write(
    `✓ ${policies.length} policies in ${files.size} files are valid against the Interlock schema\n`,
  );
  return EXIT_CODES.ok;
}

/** `interlock policy list`: what is active and where each piece came from. */
export async function policyList(
  cwd: string,
  json: boolean,
  io: CliIo = processIo('answer'),
): Promise<number> {
  const { policies, ...rt } = await listedPolicies(cwd, io.env);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        problems: rt.problems,
        config: rt.config && {
          layers: rt.config.layers.map((l) => ({
            scope: l.scope,
            dir: l.dir,
            configFile: l.configFile ?? null,
          })),
          packs: rt.config.packs,
          approvalsDefault: rt.config.approvalsDefault,
          approvalsGroup: rt.config.approvalsGroup,
          approvalsExpiry: rt.config.approvalsExpiry,
          unknownEnvironment: rt.config.unknownEnvironment,
          environmentPatternsFrom: rt.config.patternsFrom,
          environmentPatternsIgnored: rt.config.patternsIgnored,
        },
        policies: policies.map((p) => ({
          id: p.id,
          effect: p.effect,
          outcome: p.outcome,
          approvals: p.approvals,
          group: p.group ?? null,
          origin: p.origin,
          line: p.line,
          tightenOnly: p.tightenOnly ?? false,
        })),
      })}\n`,
    );
    return rt.problems.length ? EXIT_CODES.failed : EXIT_CODES.ok;
  }
  const c = paletteFor(io.stdout, io.env);
  const out: string[] = [];
  for (const p of rt.problems)
    out.push(c.red(`✗ ${p}`), c.red('  (production-scoped decisions fail closed until this is fixed)'));
  if (rt.config) out.push(...configLines(rt.config, c));
  out.push(c.bold(`policies (${policies.length})`));
  for (const p of policies) {
    const outcome =
      p.outcome === 'require-approval'
        ? `require-approval ×${p.approvals}${p.group ? ` (${p.group})` : ''}`
        : p.outcome;
    const only = p.tightenOnly ? c.dim(' (tightens only)') : '';
    out.push(`  ${p.id.padEnd(52)} ${outcome.padEnd(30)} ${c.dim(`${p.origin}:${p.line}`)}${only}`);
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return rt.problems.length ? EXIT_CODES.failed : EXIT_CODES.ok;
}

interface PolicyListing {
  policies: readonly ListedPolicy[];
  config?: LoadedConfig;
  problems: string[];
}

/**
 * The policies in force and the configuration they come from. A set listed before is read from the
 * kept list instead of compiling Cedar (remembered-policy-list.ts); never in system mode.
 */
async function listedPolicies(cwd: string, env: NodeJS.ProcessEnv): Promise<PolicyListing> {
  let listFile: string | undefined;
  if (mayRememberVerdicts(env)) {
    try {
      const config = loadConfig(cwd, env);
      listFile = listFileFor(config, env);
      const policies = readPolicyList(listFile);
      if (policies) return { policies, config, problems: [] };
    } catch {
      // a configuration that does not load: loadPolicies reports it as a problem
    }
  }
  const loaded = await loadPolicies({ cwd, env });
  const policies = policiesOf(loaded.evaluator);
  if (listFile && loaded.config && loaded.problems.length === 0) writePolicyList(listFile, policies);
  return { policies, problems: loaded.problems, ...(loaded.config ? { config: loaded.config } : {}) };
}

/** `interlock policy test`: run .interlock/tests/*.yaml like a test runner; non-zero exit on any failure. */
export async function policyTest(cwd: string, dirOption: string | undefined, json: boolean): Promise<number> {
  const projectDir = findProjectConfigDir(cwd);
  const dir = dirOption ?? (projectDir ? join(projectDir, 'tests') : undefined);
  if (!dir) {
    process.stderr.write(
      'interlock policy test: no .interlock/ directory here or above; run `interlock init` to create one\n',
    );
    return EXIT_CODES.usage;
  }
  const rt = await loadRuntime({ cwd, eagerSql: true });
  for (const p of rt.problems) process.stderr.write(`✗ ${p}\n`);
  let cases;
  try {
    cases = loadPolicyTests(dir);
  } catch (error) {
    process.stderr.write(`✗ ${(error as Error).message}\n`);
    return EXIT_CODES.usage;
  }
  if (cases.length === 0) {
    process.stderr.write(`interlock policy test: no test files (*.yaml, *.yml, *.json) in ${dir}\n`);
    return EXIT_CODES.usage;
  }
  const results = await runPolicyTests(cases, rt, (cwd, env) => localFacts({ cwd, env, hermetic: true }));
  const failed = results.filter((r) => !r.passed);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results })}\n`,
    );
  } else {
    const c = paletteFor(process.stdout, process.env);
    for (const r of results) {
      const name = r.test.name ?? r.test.command;
      if (r.passed) process.stdout.write(`${c.green('✓')} ${name} ${c.dim(`→ ${r.actual.outcome}`)}\n`);
      else {
        process.stdout.write(`${c.red('✗')} ${name}  ${c.dim(`${r.test.file}:${r.test.line}`)}\n`);
        for (const f of r.failures) process.stdout.write(`    ${c.red(f)}\n`);
        process.stdout.write(`    ${c.dim(`decided by: ${r.actual.policies.join(', ') || 'no policy'}`)}\n`);
      }
    }
    const summary = `${results.length - failed.length} passed, ${failed.length} failed`;
    process.stdout.write(`\n${failed.length ? c.red(summary) : c.green(summary)}\n`);
  }
  return failed.length || rt.problems.length ? EXIT_CODES.failed : EXIT_CODES.ok;
}
