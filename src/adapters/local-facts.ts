import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { ActionFacts } from '../core/types.js';
import { listArchive } from './archive-members.js';
import { localFiles, readScriptFile } from './file-facts.js';

/** The terraform workspace selected in `dir` (what `terraform workspace show` prints), if any. */
function terraformWorkspace(dir: string, env: Record<string, string>): string | undefined {
  if (env.TF_WORKSPACE) return env.TF_WORKSPACE;
  const file = join(dir, env.TF_DATA_DIR ?? '.terraform', 'environment');
  // Looked up first: most directories have none, and a failed read throws an error (the daemon, every call).
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The kubeconfig files kubectl reads: every file of KUBECONFIG, merged, else ~/.kube/config. */
function kubeconfigFiles(kubeconfig: string | undefined, home: string): string[] {
  const files = (kubeconfig ?? '').split(delimiter).filter(Boolean);
  return files.length ? files : [join(home, '.kube', 'config')];
}

/** current-context as kubectl merges the kubeconfig files: the first file that sets one wins. */
function kubeContext(env: Record<string, string>, home: string): string | undefined {
  for (const file of kubeconfigFiles(env.KUBECONFIG, home)) {
    if (!existsSync(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const line = text.split('\n').find((l) => l.startsWith('current-context:'));
    const context = line
      ?.slice('current-context:'.length)
      .trim()
      .replace(/^["']|["']$/g, '');
    if (context) return context;
  }
  return undefined;
}

/** The directory through its symlinks: `current -> prod-db` is prod-db (undefined when it does not resolve). */
function realDirectory(dir: string): string | undefined {
  try {
    return realpathSync.native(dir);
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
  if (!options.hermetic) {
    facts.host = hostname();
    // What an approval binds to: the directory the path leads to now, and the bytes of the files read.
    const real = realDirectory(cwd);
    if (real) facts.realCwd = real;
    facts.files = localFiles;
    // The scripts a command runs are read so their commands are assessed too.
    facts.readScript = (path) => readScriptFile(path);
    // The members of an archive extracted into the project or home, so its names are judged.
    facts.listArchive = listArchive;
    // A saved plan `terraform apply PLANFILE` carries out: its bytes hashed, converted to JSON when binary.
    facts.readPlan = async (path, tool) => {
      const { loadPlanFile } = await import('../plans/load.js');
      const plan = await loadPlanFile(path, { cwd: dirname(path), tool, env: { ...process.env, ...env } });
      return { sha256: plan.sha256, text: plan.text };
    };
  }
  const workspace = options.hermetic ? env.TF_WORKSPACE : terraformWorkspace(cwd, env);
  if (workspace && workspace !== 'default') facts.terraformWorkspace = workspace;
  const context = env.KUBECONFIG_CONTEXT ?? (options.hermetic ? undefined : kubeContext(env, home));
  if (context) facts.kubeContext = context;
  return facts;
}
