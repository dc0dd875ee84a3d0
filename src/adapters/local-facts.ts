import { existsSync, readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActionFacts } from '../core/types.js';

/** The terraform workspace selected in `dir` (what `terraform workspace show` prints), if any. */
function terraformWorkspace(dir: string, env: Record<string, string>): string | undefined {
  if (env.TF_WORKSPACE) return env.TF_WORKSPACE;
  try {
    return (
      readFileSync(join(dir, env.TF_DATA_DIR ?? '.terraform', 'environment'), 'utf8').trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** current-context of the kubeconfig the agent would use (first file of KUBECONFIG, else ~/.kube/config). */
function kubeContext(env: Record<string, string>, home: string): string | undefined {
  const file = env.KUBECONFIG?.split(':')[0] || join(home, '.kube', 'config');
  try {
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('current-context:'));
    return (
      line
        ?.slice('current-context:'.length)
        .trim()
        .replace(/^["']|["']$/g, '') || undefined
    );
  } catch {
    return undefined;
  }
}

/** Gather the facts the pure core needs from this machine: the edge does the I/O, once per action. */
export function localFacts(
  options: { cwd?: string; env?: Record<string, string>; hermetic?: boolean } = {},
): ActionFacts {
  const env = options.env ?? (process.env as Record<string, string>);
  const home = env.HOME || homedir();
  const cwd = resolve(options.cwd ?? process.cwd());
  const facts: ActionFacts = { cwd, home, env, pathExists: (p) => existsSync(p) };
  // Hermetic facts (policy tests) come from the given variables only, not from this machine's files.
  if (!options.hermetic) facts.host = hostname();
  const workspace = options.hermetic ? env.TF_WORKSPACE : terraformWorkspace(cwd, env);
  if (workspace && workspace !== 'default') facts.terraformWorkspace = workspace;
  const context = env.KUBECONFIG_CONTEXT ?? (options.hermetic ? undefined : kubeContext(env, home));
  if (context) facts.kubeContext = context;
  return facts;
}
