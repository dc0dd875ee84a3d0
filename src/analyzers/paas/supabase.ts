import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import { word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { parseUrl } from '../http/url.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';

// Supabase: `db reset` and `db push` act on the local development stack unless --linked (the project
// `supabase link` chose) or --db-url sends them elsewhere; `projects`, `functions`, `secrets` are remote.
// The other `db` subcommands (`dump`, `pull`…) stay unlisted.

const remote = (call: Call) => hasOption(call.options, '--linked', '--db-url');

const local = (verb: Verb): Verb => ({ ...verb, local: true });

const VERBS: Cli['verbs'] = {
  'db reset': (call) =>
    remote(call)
      ? destroys('critical', 'database', 'drops and recreates the remote database: every row is lost')
      : local(destroys('high', 'database', 'drops and recreates the local database')),
  'db push': (call) =>
    hasOption(call.options, '--local') || hasOption(call.options, '--dry-run')
      ? undefined
      : changes('medium', 'database', 'applies pending migrations to the linked database'),
  'migration repair': changes('medium', 'database', 'rewrites the migration history of the database'),
  'projects delete': destroys(
    'critical',
    'database',
    'deletes the project with its database, storage and functions',
  ),
  'branches delete': destroys('high', 'database', 'deletes a preview branch and its database'),
  'functions delete': destroys('high', 'app', 'deletes the Edge Function'),
  'secrets unset': changes('medium', 'secrets', 'removes secrets from the project'),
  'storage rm': destroys('high', 'storage', 'deletes objects from storage'),
  stop: (call) =>
    hasOption(call.options, '--no-backup')
      ? local(destroys('medium', 'database', 'stops the local stack and deletes its data'))
      : undefined,
  'functions deploy': changes('low', 'app', 'deploys the Edge Function', true),
  'projects api-keys': reads('secrets', 'prints the API keys (the service role key among them)'),
  'encryption get-root-key': reads('secrets', 'prints the root encryption key'),
  // On this machine: the local stack, the link to a project, generated types, new files.
  ...everyday(
    'init',
    'start',
    'link',
    'unlink',
    'gen types',
    'migration new',
    'functions new',
    'functions serve',
    'functions download',
    'test new',
  ),
};

const VALUE_OPTIONS = [
  '--project-ref',
  '--project-id',
  '--lang',
  '--schema',
  '--db-url',
  '-p',
  '--password',
  '--workdir',
  '--version',
  '--status',
  '--experimental',
];

function hints(call: Call): EnvironmentHint[] {
  const url = optionValue(call.options, '--db-url');
  const host = url ? parseUrl(word(url)).host : undefined;
  return [
    ...(host ? [{ source: 'flag --db-url', value: host }] : []),
    ...nameHints(call, 'supabase project', '--project-ref', '--project-id'),
  ];
}

const SUPABASE: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { remove: 'rm' },
  hints,
};

export function supabase(inv: Invocation) {
  return subcommandEffects(inv, SUPABASE);
}
