import type { EnvironmentHint } from '../core/types.js';
import { hasOption, optionValue } from '../shell/options.js';
import type { Analyzer } from './analyzer.js';
import { parseUrl } from './http/url.js';
import { word } from '../shell/words.js';
import {
  changes,
  destroys,
  envHint,
  everyday,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
} from './subcommands.js';

// HashiCorp Nomad: `nomad job stop -purge billing` stops a job and erases it from the cluster's state;
// `nomad volume delete` deletes a volume's data; `nomad node drain` moves every allocation off a machine.
// Nomad was unrecognised: only subcommands named like `delete` were asked about. Nomad talks to NOMAD_ADDR
// (or -address), in NOMAD_NAMESPACE and NOMAD_REGION (or -namespace, -region).

/** `job stop`, and the older top-level `stop`: with -purge the job's history goes too. */
const stop = (call: Call) =>
  hasOption(call.options, '-purge', '--purge')
    ? destroys('high', 'job', 'stops the job and purges it from the cluster state (its history is gone)')
    : changes('medium', 'job', 'stops the job: its allocations end', true);

/** `job scale JOB [GROUP] 0`: the group keeps no allocation. */
const scale = (call: Call) =>
  call.rest.at(-1)?.value === '0'
    ? changes('high', 'job', 'scales the group to zero, taking it out of service', true)
    : changes('low', 'job', 'changes how many allocations the group runs', true);

const VERBS: Cli['verbs'] = {
  'job stop': stop,
  stop,
  'job scale': scale,
  'job run': changes('low', 'job', 'submits the job (a new version replaces the running one)', true),
  run: changes('low', 'job', 'submits the job (a new version replaces the running one)', true),
  'job revert': changes('medium', 'job', 'reverts the job to an older version', true),
  'job dispatch': changes('low', 'job', 'dispatches an instance of a parameterized job', true),
  'alloc stop': changes('medium', 'allocation', 'stops the allocation (Nomad may place it again)', true),
  'alloc signal': changes('medium', 'allocation', 'sends a signal to the tasks of the allocation', true),
  'alloc restart': changes('medium', 'allocation', 'restarts the tasks of the allocation', true),
  'deployment fail': changes('medium', 'deployment', 'fails the deployment (and may roll it back)', true),
  'node drain': (call) =>
    hasOption(call.options, '-disable')
      ? undefined
      : changes('medium', 'node', 'moves every allocation off the node', true),
  'node eligibility': changes('low', 'node', 'changes whether the node takes new allocations', true),
  'namespace delete': destroys('high', 'namespace', 'deletes the namespace'),
  'volume delete': destroys('critical', 'volume', 'deletes the volume and its data at the storage provider'),
  'volume deregister': changes('medium', 'volume', 'deregisters the volume from Nomad'),
  'var purge': destroys('high', 'secrets', 'deletes the variable'),
  'acl token delete': destroys('medium', 'iam', 'deletes the ACL token'),
  'acl policy delete': destroys('high', 'iam', 'deletes the ACL policy from every token that has it'),
  'acl bootstrap': changes('high', 'iam', 'creates the management (root) token'),
  'operator raft remove-peer': changes('high', 'cluster', 'removes a server from the cluster'),
  'operator snapshot restore': changes(
    'critical',
    'cluster',
    "replaces the cluster's whole state with the snapshot",
  ),
  'system gc': changes('low', 'cluster', 'garbage-collects dead jobs, evaluations and allocations'),
  // Routine steps of running jobs: a periodic job run now, a new evaluation, canaries promoted, a variable set.
  'job periodic force': changes('low', 'job', 'runs the periodic job now', true),
  'job eval': changes('low', 'job', 'creates a new evaluation of the job (it may be placed again)', true),
  'job promote': changes('low', 'deployment', "promotes the deployment's canaries", true),
  'deployment promote': changes('low', 'deployment', "promotes the deployment's canaries", true),
  'deployment pause': changes('low', 'deployment', 'pauses the deployment', true),
  'deployment resume': changes('low', 'deployment', 'resumes the paused deployment', true),
  'var put': changes('low', 'secrets', 'writes a variable', true),
  // The files of an allocation, its secrets directory among them.
  'alloc fs': reads('allocation', "reads the allocation's files (its secrets directory too)"),
  'operator snapshot save': reads('cluster', "saves the cluster's state, its ACL tokens too, to a file"),
  // Dry runs, local files, and looking: a job's plan, formatting, members and metrics.
  ...everyday(
    'job plan',
    'plan',
    'job init',
    'init',
    'fmt',
    'job allocs',
    'job deployments',
    'job scaling-events',
    'alloc checks',
    'server members',
    'operator metrics',
    'operator debug',
    'operator snapshot state',
    'acl token self',
    'agent-info',
    'monitor',
    'ui',
  ),
};

const VALUE_OPTIONS = [
  '-address',
  '-region',
  '-namespace',
  '-token',
  '-ca-cert',
  '-ca-path',
  '-client-cert',
  '-client-key',
  '-tls-server-name',
  '-var',
  '-var-file',
  '-deadline',
  '-meta',
  '-eval-priority',
  '-group',
  '-task',
  '-s',
  '-signal',
];

function hints(call: Call): EnvironmentHint[] {
  const flag = optionValue(call.options, '-address');
  const env = call.inv.env('NOMAD_ADDR');
  const address = flag ?? env;
  const host = address ? parseUrl(word(address)).host : undefined;
  return [
    ...(host ? [{ source: flag ? 'flag -address' : 'env NOMAD_ADDR', value: host }] : []),
    ...placeHints(call, 'flag -namespace', '-namespace'),
    ...envHint(call, 'NOMAD_NAMESPACE'),
    ...placeHints(call, 'flag -region', '-region'),
    ...envHint(call, 'NOMAD_REGION'),
  ];
}

const NOMAD: Cli = { options: { withValue: VALUE_OPTIONS }, verbs: VERBS, hints };

export const nomadAnalyzer: Analyzer = {
  family: 'nomad',
  commands: ['nomad'],
  local: false,
  environmentVariables: [],
  analyze: (inv) => subcommandEffects(inv, NOMAD),
};
