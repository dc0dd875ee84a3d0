import { expect } from 'vitest';
import { loadRuntime, type Runtime } from '../../src/app/runtime.js';
import type { ShellCheck } from '../../src/app/checker.js';
import type { Principal } from '../../src/core/decide.js';
import type { ActionFacts, EnvironmentClass, Outcome, Risk } from '../../src/core/types.js';

let runtime: Promise<Runtime> | undefined;

/** One runtime per test file (parsers and policies load once), with the built-in baseline policy. */
export function sharedRuntime(): Promise<Runtime> {
  runtime ??= loadRuntime();
  return runtime;
}

const PROJECT = '/home/dev/project';
const HOME = '/home/dev';

/** Facts of a developer in a project directory, with no environment variables unless given. */
export function testFacts(
  overrides: {
    cwd?: string;
    env?: Record<string, string>;
    exists?: (p: string) => boolean;
  } & Partial<ActionFacts> = {},
): ActionFacts {
  const { exists, ...rest } = overrides;
  return {
    cwd: PROJECT,
    home: HOME,
    env: {},
    pathExists: exists ?? (() => true),
    ...rest,
    ...(overrides.env ? { env: overrides.env } : {}),
  };
}

export const AGENT: Principal = { type: 'Agent', id: 'claude-code', vendor: 'anthropic', actsFor: 'dev' };

export async function check(
  command: string,
  facts: Partial<Parameters<typeof testFacts>[0]> = {},
): Promise<ShellCheck> {
  const rt = await sharedRuntime();
  return rt.checker.checkShell(command, testFacts(facts), AGENT);
}

/** One labelled command of a corpus: what a correct assessment must say about it. */
export interface LabelledCommand {
  command: string;
  /** The label: does this command destroy, replace or irreversibly change something that matters? */
  destructive: boolean;
  cwd?: string;
  env?: Record<string, string>;
  /** Optional stronger expectations. */
  environment?: EnvironmentClass;
  minRisk?: Risk;
  outcome?: Outcome;
  /** An effect target that must be reported (substring). */
  target?: string;
  note?: string;
}

/** A destructive command, for the corpora. */
export const destructive = (command: string, extra: Partial<LabelledCommand> = {}): LabelledCommand => ({
  command,
  destructive: true,
  ...extra,
});

/** A harmless command, for the corpora. */
export const harmless = (command: string, extra: Partial<LabelledCommand> = {}): LabelledCommand => ({
  command,
  destructive: false,
  ...extra,
});

/** Each command reports an effect of the category that policies can use (`context.category`). */
export async function expectCategories(cases: readonly (readonly [string, string])[]): Promise<void> {
  for (const [command, category] of cases) {
    const r = await check(command);
    expect(
      r.assessment.effects.map((e) => e.category),
      command,
    ).toContain(category);
  }
}
