import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../config/load.js';
import { policyTestFileSchema, type PolicyTestCase } from '../config/schema.js';
import type { ActionFacts, Outcome } from '../core/types.js';
import { evaluate } from './evaluate.js';
import type { Runtime } from './runtime.js';

export interface LoadedTestCase extends PolicyTestCase {
  file: string;
  line: number;
}

export interface TestResult {
  test: LoadedTestCase;
  passed: boolean;
  actual: { outcome: Outcome; approvals: number; group?: string; policies: string[] };
  failures: string[];
}

/** Read every .yaml/.yml/.json file of a tests directory; errors name the file and line. */
export function loadPolicyTests(dir: string): LoadedTestCase[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((name) => {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const syntax = doc.errors[0];
    if (syntax)
      throw new ConfigError(
        `not valid YAML/JSON: ${syntax.message.split('\n')[0]}`,
        file,
        lineCounter.linePos(syntax.pos[0]).line,
      );
    const parsed = policyTestFileSchema().safeParse(doc.toJS());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const node = doc.getIn(issue.path as (string | number)[], true) as
        { range?: [number, number, number] } | undefined;
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      throw new ConfigError(
        `${issue.path.join('.')}: ${issue.message} (each test needs "command" and "expect": allow | ask | require-approval | deny)`,
        file,
        line,
      );
    }
    const cases = Array.isArray(parsed.data) ? parsed.data : parsed.data.tests;
    return cases.map((c, index) => {
      const path = Array.isArray(parsed.data) ? [index] : ['tests', index];
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return { ...c, file, line: node?.range ? lineCounter.linePos(node.range[0]).line : 1 };
    });
  });
}

/** Facts for a case: taken only from the case (hermetic), gathered by the edge. */
export type HermeticFacts = (cwd: string, env: Record<string, string>) => ActionFacts;

/** Run each case through the pipeline's evaluation with facts taken only from the case. */
export async function runPolicyTests(
  cases: readonly LoadedTestCase[],
  runtime: Runtime,
  factsFor: HermeticFacts,
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const test of cases) {
    const projectRoot = dirname(dirname(test.file));
    const facts = factsFor(test.cwd ? join(projectRoot, test.cwd) : projectRoot, {
      HOME: process.env.HOME ?? '/root',
      ...(test.env ?? {}),
    });
    const principal =
      test.agent === undefined || test.agent !== 'human'
        ? { type: 'Agent' as const, id: test.agent ?? 'test-agent', actsFor: 'policy-test' }
        : { type: 'Human' as const, id: 'policy-test' };
    const { decision } = await evaluate({ kind: 'shell', command: test.command }, facts, principal, runtime);
    const failures: string[] = [];
    if (decision.outcome !== test.expect) failures.push(`expected ${test.expect}, got ${decision.outcome}`);
    if (test.approvals !== undefined && decision.approvals !== test.approvals)
      failures.push(`expected ${test.approvals} approvals, got ${decision.approvals}`);
    if (test.group !== undefined && decision.approverGroup !== test.group)
      failures.push(`expected approver group ${test.group}, got ${decision.approverGroup ?? 'none'}`);
    const actual: TestResult['actual'] = {
      outcome: decision.outcome,
      approvals: decision.approvals,
      policies: decision.policies.map((p) => p.id),
    };
    if (decision.approverGroup) actual.group = decision.approverGroup;
    results.push({ test, passed: failures.length === 0, actual, failures });
  }
  return results;
}
