import { parseAllDocuments } from 'yaml';
import type { Effect, EnvironmentHint } from '../../core/types.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import type { Invocation } from '../analyzer.js';
import { effect, type Scope } from './common.js';
import { manifestText, unreadManifest } from './manifest-text.js';

// A manifest applied to a cluster starts programs there: a Job or CronJob whose container runs `psql -c
// 'DROP DATABASE payments'`, a Pod that runs `rm -rf /data`. The objects were judged by kind and name only
// (a CronJob applied: low), so what they will run went unseen. Each container's command and arguments are
// handed to the shell assessment as the command line they make, run in the cluster (not on this machine),
// with the cluster's and the object's namespace as its place.

/** Where a kind keeps its pod template's spec. */
const POD_SPEC_PATH: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
};

interface ContainerRun {
  /** `CronJob/reset-db`, for the reason. */
  object: string;
  namespace?: string;
  argv: string[];
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' || typeof s === 'number')
    ? v.map(String)
    : undefined;

/** The command lines the workloads in `text` (YAML, one or more documents) run; [] when none or unreadable. */
function containerRuns(text: string): ContainerRun[] {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return [];
  }
  const runs: ContainerRun[] = [];
  const visit = (obj: unknown) => {
    const o = record(obj);
    if (!o || typeof o.kind !== 'string') return;
    if (o.kind.endsWith('List') && Array.isArray(o.items)) return o.items.forEach(visit);
    const path = POD_SPEC_PATH[o.kind];
    if (!path) return;
    const meta = record(o.metadata) ?? {};
    let spec: unknown = o;
    for (const key of path) spec = record(spec)?.[key];
    const pod = record(spec);
    if (!pod) return;
    const object = `${o.kind}/${typeof meta.name === 'string' ? meta.name : '?'}`;
    for (const list of [pod.initContainers, pod.containers]) {
      for (const c of Array.isArray(list) ? list : []) {
        const container = record(c);
        // Without a command the image's own entrypoint runs: not knowable from the manifest.
        const argv = [...(strings(container?.command) ?? []), ...(strings(container?.args) ?? [])];
        if (!strings(container?.command) || argv.length === 0) continue;
        runs.push({
          object,
          ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
          argv,
        });
      }
    }
  };
  for (const doc of docs) {
    if (doc.errors.length) continue;
    visit(doc.toJS());
  }
  return runs;
}

/** Effects that hand each container's command line to the shell assessment, placed in the cluster. */
function containerRunEffects(scope: Scope, text: string): Effect[] {
  return containerRuns(text).map((run): Effect => {
    const hints: EnvironmentHint[] = [...scope.hints];
    if (run.namespace) hints.push({ source: 'namespace', value: run.namespace });
    const line = quoteArgv(run.argv);
    return {
      operation: 'execute-unverifiable',
      tool: scope.tool,
      target: run.object,
      reversible: false,
      risk: 'high',
      reason: `${scope.tool}: ${run.object} runs \`${line.length > 120 ? `${line.slice(0, 120)}…` : line}\` in the cluster`,
      runs: line,
      runsElsewhere: true,
      hints,
    };
  });
}

/**
 * `kubectl create job|cronjob NAME --image=… -- CMD…`, `kubectl run NAME --image=… -- CMD…`: the command after
 * `--` runs in the cluster, as a manifest's would.
 */
/**
 * What the workloads in the manifests `-f` names run: here-documents, pipes and files of this machine. A
 * manifest nobody here read (a URL, a download piped in, a file that cannot be read) may start anything:
 * everyday work on a development cluster, a change to review in production.
 */
export function manifestRuns(inv: Invocation, scope: Scope, files: readonly string[]): Effect[] {
  return files.flatMap((file) => {
    const text = manifestText(inv, file);
    if (text !== undefined) return containerRunEffects(scope, text);
    const unread = unreadManifest(inv, file);
    return unread === undefined ? [] : [unreadEffect(scope, file, unread)];
  });
}

function unreadEffect(scope: Scope, file: string, why: string): Effect {
  const shown = file === '' ? '-' : file;
  const reason = `${scope.tool} makes the objects of ${shown}, which ${why}: what they are and what they run are not known`;
  return { ...effect(scope, 'modify', 'low', shown, reason, 'manifest'), riskInProduction: 'high' };
}

export function commandAfterDashes(
  scope: Scope,
  args: readonly { value: string }[],
  object: string,
): Effect[] {
  const at = args.findIndex((w) => w.value === '--');
  if (at < 0 || at === args.length - 1) return [];
  const doc = { kind: 'Pod', spec: { containers: [{ command: args.slice(at + 1).map((w) => w.value) }] } };
  return containerRunEffects(scope, JSON.stringify(doc)).map((e) => ({ ...e, target: object }));
}
