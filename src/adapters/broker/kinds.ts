import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { MANAGED_CONFIG_DIR } from '../../config/managed.js';
import {
  AWS_VARIABLES,
  DATABASE_VARIABLES,
  KUBERNETES_VARIABLES,
  withoutVariables,
} from './login-variables.js';

// Which programs the broker can run for the agent, keyed by program name, and which of them this machine's
// broker has credentials for. The hook needs the second without reading the broker's private file (in
// system mode only the interlock user reads it), so setup writes a world-readable summary that names kinds
// and nothing secret. A new kind is one more entry here and one more runner in src/broker.

export interface BrokeredProgram {
  /** The kind the broker's file gives credentials for, as the summary names it. */
  kind: string;
  /** Variables the broker removes from the child (they choose a login), so the assessment removes them too. */
  clears: RegExp;
}

/** Programs the broker runs, by the name the agent types (any path: the broker runs its own binary). */
const BROKERED_PROGRAMS: Readonly<Record<string, BrokeredProgram>> = {
  psql: { kind: 'psql', clears: DATABASE_VARIABLES },
  aws: { kind: 'aws', clears: AWS_VARIABLES },
  kubectl: { kind: 'kubectl', clears: KUBERNETES_VARIABLES },
};

/** The program's broker kind, or undefined when the broker has no runner for it. */
export function brokeredProgram(argv: readonly string[]): BrokeredProgram | undefined {
  const program = argv[0];
  return program === undefined ? undefined : BROKERED_PROGRAMS[basename(program)];
}

/** The environment a brokered program is assessed and run with: without what would choose its login. */
export function brokeredAssessmentEnv(
  program: BrokeredProgram,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return withoutVariables(env, program.clears);
}

/** The world-readable summary of the broker's file: kinds only, never a host, role or password. */
const BrokerKindsFile = z.object({ kinds: z.array(z.string().regex(/^[a-z0-9-]{1,32}$/)) }).strict();
type BrokerKindsFile = z.infer<typeof BrokerKindsFile>;

const DEFAULT_BROKER_KINDS = join(MANAGED_CONFIG_DIR, 'broker.kinds.json');

/** Where the summary is: INTERLOCK_BROKER_KINDS, else under the system root (a test's prefix), else /etc. */
function summaryPath(env: Readonly<Record<string, string | undefined>>): string {
  if (env.INTERLOCK_BROKER_KINDS) return env.INTERLOCK_BROKER_KINDS;
  const root = env.INTERLOCK_SYSTEM_ROOT;
  return root ? join(root, 'etc', 'interlock', 'broker.kinds.json') : DEFAULT_BROKER_KINDS;
}

/**
 * The kinds the broker covers. The agent may set the variables that move the file, which is harmless: a kind claimed here only routes the command to `interlock run`, which decides again
 * and runs nothing without its own private entry. A missing or malformed file covers nothing.
 */
export function coveredKinds(env: Readonly<Record<string, string | undefined>>): ReadonlySet<string> {
  const path = summaryPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Set();
  }
  try {
    const parsed = BrokerKindsFile.safeParse(JSON.parse(text));
    return new Set(parsed.success ? parsed.data.kinds : []);
  } catch {
    return new Set();
  }
}

/** The summary's text for a list of kinds (sorted, so setup rewrites it only when it changes). */
export function brokerKindsText(kinds: Iterable<string>): string {
  return `${JSON.stringify({ kinds: [...new Set(kinds)].sort() } satisfies BrokerKindsFile)}\n`;
}
