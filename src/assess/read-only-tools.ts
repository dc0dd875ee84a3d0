import { VERBS as GCLOUD_VERBS } from '../analyzers/cloud/gcloud-words.js';
import { GLOBAL_VALUE as DOCKER_GLOBAL, SUB_VALUE as DOCKER_SUB } from '../shell/cli-options/docker.js';
import { GLOBAL_VALUE as KUBECTL_GLOBAL, VERB_VALUE as KUBECTL_VERB } from '../shell/cli-options/kubectl.js';
import type { ReadOnlyRule } from './read-only-programs.js';

// The subcommands of infrastructure tools that only read: get, list, show, describe, plan. A subcommand
// not listed (a plugin, a new verb) is not known to be read-only.

/** A set of the space-separated words of `text`: the tables' lists of subcommands and options. */
export const words = (text: string) => new Set(text.split(' '));
/** `config view`, `state list`: a subcommand whose own subcommand decides. */
const nested = (first: string, second: ReadonlySet<string>) => (p: readonly string[]) =>
  p[0] === first && second.has(p[1] ?? '');

const GIT_READS = words(
  'status log diff show rev-parse ls-files ls-tree cat-file blame describe shortlog grep show-ref rev-list name-rev merge-base count-objects version help whatchanged',
);
const GIT_LISTING = ['-l', '--list', '--merged', '--no-merged', '--contains', '--no-contains', '--points-at'];
const git: ReadOnlyRule = {
  withValue: ['-C', '--git-dir', '--work-tree', '--namespace'],
  // -c and the environment choose programs git runs (core.pager, diff.external); --output writes a file.
  unsafe: ['-c', '--config-env', '--output', '--ext-diff', '-O', '--open-files-in-pager', '--exec-path'],
  reads: (p, parsed) => {
    const [sub = '', next] = p;
    if (GIT_READS.has(sub)) return true;
    // `git branch --merged main` lists; `git branch main` creates.
    const listing = GIT_LISTING.some((o) => parsed.options.has(o));
    if (sub === 'branch')
      return (
        (p.length === 1 || listing) &&
        ![
          '-d',
          '-D',
          '-m',
          '-M',
          '--delete',
          '--move',
          '--copy',
          '-f',
          '--force',
          '-u',
          '--set-upstream-to',
          '--unset-upstream',
          '--edit-description',
          '-t',
          '--track',
        ].some((o) => parsed.options.has(o))
      );
    if (sub === 'tag')
      return (p.length === 1 || listing) && !parsed.options.has('-d') && !parsed.options.has('--delete');
    if (sub === 'remote') return p.length === 1 || next === 'show' || next === 'get-url';
    if (sub === 'config')
      return (
        next === 'get' ||
        next === 'list' ||
        ['--get', '--get-all', '--get-regexp', '--list', '-l'].some((o) => parsed.options.has(o))
      );
    if (sub === 'stash') return next === 'list' || next === 'show';
    if (sub === 'worktree') return next === 'list';
    if (sub === 'reflog') return p.length === 1 || next === 'show';
    return false;
  },
};

const KUBECTL_READS = words(
  'get describe logs top explain version api-resources api-versions cluster-info events',
);
const kubectl: ReadOnlyRule = {
  withValue: [...KUBECTL_GLOBAL, ...KUBECTL_VERB],
  unsafe: ['--output-directory'],
  reads: (p) =>
    KUBECTL_READS.has(p[0] ?? '') ||
    nested('config', words('view get-contexts current-context get-clusters get-users'))(p) ||
    nested('auth', words('can-i whoami'))(p),
};

const helm: ReadOnlyRule = {
  withValue: [
    '-n',
    '--namespace',
    '--kube-context',
    '--kubeconfig',
    '--registry-config',
    '--repository-config',
  ],
  unsafe: ['--post-renderer'],
  reads: (p) => words('list ls status history get show search version env').has(p[0] ?? ''),
};

const terraform: ReadOnlyRule = {
  // `plan -out` saves a plan file; `fmt` rewrites files unless it only checks.
  unsafe: ['-out'],
  reads: (p, parsed) =>
    words('plan show validate output version graph').has(p[0] ?? '') ||
    (p[0] === 'providers' && (p.length === 1 || p[1] === 'schema')) ||
    (p[0] === 'fmt' && parsed.options.has('-check')) ||
    nested('state', words('list show'))(p) ||
    nested('workspace', words('list show'))(p),
};

/** Reads whose last positional is a local file they write (`aws s3api get-object … out.bin`). */
const AWS_WRITES_OUTFILE = words(
  'get-object get-object-torrent get-job-output get-media get-media-for-fragment-list get-clip get-snapshot-block',
);
const aws: ReadOnlyRule = {
  withValue: ['--profile', '--region', '--output', '--query', '--endpoint-url', '--color', '--ca-bundle'],
  reads: ([service = '', operation = '']) =>
    (/^(describe|list|get|head)-/.test(operation) && !AWS_WRITES_OUTFILE.has(operation)) ||
    operation === 'wait' ||
    (service === 's3' && operation === 'ls') ||
    (service === 'logs' && operation === 'tail') ||
    (service === 'configure' && (operation === 'list' || operation === 'get')),
};

/** gcloud GROUP… VERB: the first verb decides (`instances delete list` deletes an instance named list). */
const GCLOUD_READS = words('list describe get-value get-iam-policy ls cat du info version read');
const gcloud: ReadOnlyRule = {
  withValue: [
    '--project',
    '--zone',
    '--region',
    '--format',
    '--filter',
    '--configuration',
    '--account',
    '--limit',
    '--sort-by',
    '--page-size',
    '--verbosity',
    '--impersonate-service-account',
  ],
  reads: (p) => {
    const verb = p.find((w) => GCLOUD_READS.has(w) || GCLOUD_VERBS.has(w));
    return verb !== undefined && GCLOUD_READS.has(verb);
  },
};

/** az GROUP… VERB: the words before the first option name the command; its last one decides. */
const az: ReadOnlyRule = {
  reads: (_p, _parsed, args) => {
    const firstOption = args.findIndex((w) => w.value.startsWith('-'));
    const command = firstOption < 0 ? args : args.slice(0, firstOption);
    if (command.some((w) => w.dynamic)) return false;
    const verb = command.at(-1)?.value ?? '';
    return /^(list|show)(-|$)/.test(verb) || ['version', 'exists', 'what-if', 'tail'].includes(verb);
  },
};

/** gsutil's reading commands (`gsutil -m cp` copies). */
const gsutil: ReadOnlyRule = {
  withValue: ['-o', '-h', '-u', '-i'],
  reads: (p) => words('ls cat du stat hash version help').has(p[0] ?? ''),
};

const DOCKER_READS = words('ps images inspect logs version info top stats history search events');
const DOCKER_GROUP_READS = words('ls list inspect ps logs df info top history version config images');
const docker: ReadOnlyRule = {
  withValue: [...DOCKER_GLOBAL, ...DOCKER_SUB],
  reads: (p) =>
    DOCKER_READS.has(p[0] ?? '') ||
    (words('image container network volume context system node service compose').has(p[0] ?? '') &&
      DOCKER_GROUP_READS.has(p[1] ?? '')),
};

const systemctl: ReadOnlyRule = {
  withValue: [
    '-H',
    '--host',
    '-M',
    '--machine',
    '-t',
    '--type',
    '--state',
    '-p',
    '--property',
    '-n',
    '--lines',
    '-o',
    '--output',
  ],
  reads: (p) =>
    p.length === 0 ||
    words(
      'status is-active is-enabled is-failed is-system-running list-units list-unit-files list-timers list-sockets list-dependencies show cat get-default',
    ).has(p[0] ?? ''),
};

const journalctl: ReadOnlyRule = {
  unsafe: [
    '--vacuum-size',
    '--vacuum-time',
    '--vacuum-files',
    '--rotate',
    '--flush',
    '--sync',
    '--relinquish-var',
    '--setup-keys',
    '--update-catalog',
  ],
};

const npm: ReadOnlyRule = {
  reads: (p) =>
    words('ls list ll la view info show outdated explain why').has(p[0] ?? '') ||
    nested('config', words('get list'))(p),
};
const pip: ReadOnlyRule = { reads: (p) => words('list show freeze check').has(p[0] ?? '') };

/** Airflow's looking forms: how an operator checks a scheduler on its own host (`ssh prod-sched airflow dags list`). */
const airflow: ReadOnlyRule = {
  withValue: [
    '-S',
    '--subdir',
    '-o',
    '--output',
    '-d',
    '--dag-id',
    '--state',
    '-e',
    '--end-date',
    '-s',
    '--start-date',
  ],
  // `dags show --save FILE` writes a file; `-S DIR` loads (runs) every DAG file in DIR.
  unsafe: ['--save', '-S', '--subdir'],
  reads: (p) =>
    words('version info cheat-sheet').has(p[0] ?? '') ||
    nested(
      'dags',
      words('list list-runs list-jobs list-import-errors state show details next-execution report'),
    )(p) ||
    nested('tasks', words('list state states-for-dag-run'))(p) ||
    nested('config', words('get-value list'))(p) ||
    nested('jobs', words('check'))(p),
};

/** `hdfs dfs -ls|-du|-cat…` (and `hadoop fs …`): the file-system command is the first word after dfs/fs. */
const HDFS_READS = words(
  '-ls -lsr -du -dus -cat -count -df -stat -tail -text -test -head -checksum -getfacl -getfattr -find',
);
const HDFS_GENERIC = words('-D -fs -conf -jt -files -libjars -archives');
const hdfs: ReadOnlyRule = {
  reads: (_p, _parsed, args) => {
    const [group, ...rest] = args.map((w) => w.value);
    if (group === 'version' || group === 'classpath' || (group === 'getconf' && rest.length > 0)) return true;
    if (group !== 'dfs' && group !== 'fs') return false;
    let i = 0;
    while (i < rest.length && HDFS_GENERIC.has(rest[i]!)) i += 2;
    return HDFS_READS.has(rest[i] ?? '') && !args.some((w) => w.dynamic);
  },
};

const dbt: ReadOnlyRule = {
  withValue: [
    '-t',
    '--target',
    '--profile',
    '--profiles-dir',
    '--project-dir',
    '-s',
    '--select',
    '--exclude',
    '--resource-type',
    '--output',
  ],
  reads: (p, parsed) =>
    // Not `show` or `compile`: both send SQL to the warehouse (`show --inline …`, run_query in a model).
    words('ls list parse debug').has(p[0] ?? '') || (p.length === 0 && parsed.options.has('--version')),
};

const bq: ReadOnlyRule = { reads: (p) => words('ls show head version help').has(p[0] ?? '') };

export const READ_ONLY_TOOLS: readonly (readonly [string, ReadOnlyRule])[] = [
  ['git', git],
  ['kubectl', kubectl],
  ['oc', kubectl],
  ['helm', helm],
  ['terraform', terraform],
  ['tofu', terraform],
  ['aws', aws],
  ['gcloud', gcloud],
  ['az', az],
  ['gsutil', gsutil],
  ['docker', docker],
  ['podman', docker],
  ['systemctl', systemctl],
  ['journalctl', journalctl],
  ['npm', npm],
  ['pip', pip],
  ['pip3', pip],
  ['airflow', airflow],
  ['hdfs', hdfs],
  ['hadoop', hdfs],
  ['dbt', dbt],
  ['bq', bq],
];
