import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userConfigDir } from '../config/discover.js';
import type { LoadedConfig } from '../config/load.js';
import { OUTCOMES } from '../core/types.js';
import { policyDefaults } from '../app/policies.js';
import { cedarBuildId, readSchema } from '../policy/engine.js';
import type { CompiledPolicy } from '../policy/policy-file.js';
import { keepNewest, policySetFingerprint } from '../policy/verdict-memo.js';

// `interlock policy list` compiled Cedar on every run (two thirds of its time) to show a list that
// depends only on the policy files. The list of a set that compiled is kept under the user's
// configuration, named by the set's fingerprint (every policy's origin and text, the schema, the
// approval defaults, the Cedar build: verdict-memo.ts) and this Interlock build: an edited file, a new
// Cedar or a new Interlock is a new name, so a kept list is never stale. It is trusted as the verdict
// memo is (remember-verdicts.ts): only outside system mode, where that directory is the user's own.

/** What `policy list` and `policy validate` show of a compiled policy. */
export type ListedPolicy = Pick<
  CompiledPolicy,
  'id' | 'origin' | 'line' | 'effect' | 'outcome' | 'approvals' | 'group' | 'tightenOnly'
>;

const FORMAT = 1;
/** Lists of this many policy sets are kept (each edit of a policy makes a new one); older ones go. */
const KEEP_SETS = 16;

/** The file that holds the list of this configuration's policy set. */
export function listFileFor(config: LoadedConfig, env: NodeJS.ProcessEnv): string {
  const fingerprint = policySetFingerprint({
    sources: config.sources,
    schema: readSchema(),
    defaults: policyDefaults(config),
    cedarBuild: cedarBuildId(),
  });
  const name = createHash('sha256')
    .update(`interlock policy list ${FORMAT}\n${interlockBuild()}\n${fingerprint}`)
    .digest('hex');
  return join(userConfigDir(env), 'cache', 'policy-lists', `${name}.json`);
}

/** The kept list, or undefined when there is none or it is not one this build wrote. */
export function readPolicyList(file: string): ListedPolicy[] | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; policies?: unknown };
    if (stored.format !== FORMAT || !Array.isArray(stored.policies)) return undefined;
    return stored.policies.every(isListedPolicy) ? stored.policies : undefined;
  } catch {
    return undefined; // none yet, or cut short
  }
}

/** Keep the list of a set that compiled. Never throws: a read-only home compiles again next time. */
export function writePolicyList(file: string, policies: readonly CompiledPolicy[]): void {
  const listed: ListedPolicy[] = policies.map(
    ({ id, origin, line, effect, outcome, approvals, group, tightenOnly }) => ({
      id,
      origin,
      line,
      effect,
      outcome,
      approvals,
      ...(group === undefined ? {} : { group }),
      ...(tightenOnly === undefined ? {} : { tightenOnly }),
    }),
  );
  const dir = join(file, '..');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, policies: listed }), { mode: 0o600 });
    renameSync(tmp, file);
    keepNewest(dir, '.json', KEEP_SETS);
  } catch {
    // a read-only home
  }
}

/** This build of Interlock (the file this code runs from: the bundle, or the built module). */
function interlockBuild(): string {
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

function isListedPolicy(value: unknown): value is ListedPolicy {
  const p = value as Partial<Record<keyof ListedPolicy, unknown>> | null;
  return (
    !!p &&
    typeof p.id === 'string' &&
    typeof p.origin === 'string' &&
    Number.isInteger(p.line) &&
    (p.effect === 'permit' || p.effect === 'forbid') &&
    (OUTCOMES as readonly unknown[]).includes(p.outcome) &&
    Number.isInteger(p.approvals) &&
    (p.group === undefined || typeof p.group === 'string') &&
    (p.tightenOnly === undefined || typeof p.tightenOnly === 'boolean')
  );
}
