import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import {
  changes,
  destroys,
  envHint,
  everyday,
  nameHints,
  placeHints,
  reads,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';

// Fastly's CLI: `fastly <resource> <command> [--service-id ID] [--version N]`, its service commands also
// under `fastly service …` in later releases (`fastly service purge`, `fastly service version activate`).
// A service's configuration changes in a draft version that nothing serves until it is activated, so a
// backend or a domain deleted with --version is not yet a change to anything; stores, dictionary and ACL
// entries change at once. Purging a URL or a surrogate key is everyday work.

const ENTRIES: Record<string, Verb> = {
  purge: changes('low', 'cdn', 'purges cached objects (they are fetched again)', true),
  delete: destroys('critical', 'cdn', 'deletes the service: its domains are no longer served'),
  'service-version deactivate': changes(
    'high',
    'cdn',
    'deactivates the service version: if it is the active one, the service stops serving',
    true,
  ),
  'kv-store delete': destroys('high', 'storage', 'deletes the KV store and its keys'),
  'config-store delete': destroys('high', 'cdn', 'deletes the config store'),
  'secret-store delete': destroys('high', 'secret', 'deletes the secret store and its secrets'),
  'kv-store-entry delete': destroys('medium', 'storage', 'deletes keys of the KV store'),
  'config-store-entry delete': destroys('medium', 'cdn', 'deletes an entry of the config store'),
  'dictionary-entry delete': destroys('medium', 'cdn', 'deletes a dictionary entry (live at once)'),
  'acl-entry delete': destroys('medium', 'network', 'deletes an ACL entry (live at once)'),
  'tls-custom certificate delete': destroys(
    'high',
    'cdn',
    'deletes a TLS certificate (HTTPS to its domains fails)',
  ),
  'tls-subscription delete': destroys(
    'high',
    'cdn',
    'deletes a TLS subscription (HTTPS to its domains fails)',
  ),
  'user delete': destroys('high', 'iam', 'deletes the user'),
};

/** A draft version copied from another: nothing is served from it until it is activated. */
const CLONE = changes('low', 'cdn', 'clones a service version into a draft (served once activated)', true);

/** `fastly purge --all`: every object of the service at once. */
const purge = (call: Call): Verb =>
  hasOption(call.options, '--all')
    ? changes(
        'medium',
        'cdn',
        'purges everything the service has cached: the origin serves it all again',
        true,
      )
    : ENTRIES.purge!;

const VERBS: Cli['verbs'] = {
  ...Object.fromEntries(
    Object.entries(ENTRIES).flatMap(([key, verb]) => {
      if (key === 'purge' || key === 'delete') return [];
      const spelled = key.replace(/^service-version /, 'version ');
      return [
        [key, verb],
        [`service ${spelled}`, verb],
      ];
    }),
  ),
  purge,
  'service purge': purge,
  'service delete': ENTRIES.delete!,
  // A Compute package deployed is a new service version, activated: the previous one can be activated again.
  'compute deploy': changes(
    'low',
    'cdn',
    'deploys the Compute package (a new service version, activated)',
    true,
  ),
  'compute publish': changes(
    'low',
    'cdn',
    'builds and deploys the Compute package (a new service version, activated)',
    true,
  ),
  'compute update': changes('low', 'cdn', 'uploads a Compute package to a service version', true),
  'service-version clone': CLONE,
  'service version clone': CLONE,
  'profile token': reads('secret', "prints the profile's API token"),
  // This machine's work: a Compute project built, served locally or packed; the CLI's own profiles; and looking.
  ...everyday(
    'compute init',
    'compute build',
    'compute serve',
    'compute pack',
    'compute hashsum',
    'compute hash-files',
    'compute metadata',
    'profile create',
    'profile switch',
    'profile update',
    'log-tail',
    'pops',
    'ip-list',
  ),
};

const FASTLY: Cli = {
  options: {
    withValue: [
      '-s',
      '--service-id',
      '--service-name',
      '--version',
      '--key',
      '--url',
      '--file',
      '--token',
      '-t',
      '--profile',
      '-o',
      '--name',
      '--id',
      '--store-id',
      '--package',
      '--wasm-binary',
      '--from',
      '--language',
      '--dir',
    ],
  },
  verbs: VERBS,
  hints: (call) => [
    ...placeHints(call, 'flag --profile', '--profile'),
    ...nameHints(call, 'flag --service-name', '--service-name'),
    ...nameHints(call, 'flag --service-id', '-s', '--service-id'),
    ...envHint(call, 'FASTLY_SERVICE_ID', true),
  ],
  target: (call) =>
    call.options.options.get('--service-name')?.at(-1) ??
    call.options.options.get('--service-id')?.at(-1) ??
    call.options.options.get('-s')?.at(-1),
};

/** A deletion the table does not list, in a draft version (--version): nothing served changes until it is activated. */
const drafted = (call: Call): Verb | undefined =>
  hasOption(call.options, '--version')
    ? changes(
        'low',
        'cdn',
        'deletes from a draft version of the service (nothing changes until it is activated)',
        true,
      )
    : undefined;

export function fastly(inv: Invocation) {
  return listedSubcommandEffects(inv, FASTLY, drafted);
}
