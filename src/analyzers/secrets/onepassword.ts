import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  reads,
  subcommandEffects,
  type Cli,
} from '../subcommands.js';

// 1Password's `op`: items, documents and vaults, and the account's users. A vault's name is a name only
// (a weak hint). Reading an item prints its secret fields: a low-risk read. `op run` is peeled as an
// environment runner (shell/environment-runners.ts); `op item share` (a link to a secret for anyone) and
// `op plugin` (runs commands) stay unlisted.

const VERBS: Cli['verbs'] = {
  // Only this machine: signing in and out, the accounts the CLI knows, its own updates.
  ...everyday('signin', 'signout', 'account add', 'account forget', 'update'),
  'item create': changes('low', 'secrets', 'creates an item', true),
  'document create': changes('low', 'secrets', 'stores a document', true),
  'vault create': changes('low', 'secrets', 'creates a vault', true),
  'vault edit': changes('low', 'secrets', "changes the vault's name, description or icon", true),
  inject: reads('secrets', 'fills a template with secrets (printed or written out)'),
  'document get': reads('secrets', 'prints or writes out the document'),
  'item delete': (call) =>
    hasOption(call.options, '--archive')
      ? changes('medium', 'secrets', 'moves the item to the archive', true)
      : destroys('high', 'secrets', 'deletes the item'),
  'item edit': changes('medium', 'secrets', 'changes fields of the item'),
  'document delete': (call) =>
    hasOption(call.options, '--archive')
      ? changes('medium', 'secrets', 'moves the document to the archive', true)
      : destroys('high', 'secrets', 'deletes the document'),
  'document edit': changes('medium', 'secrets', 'replaces the document'),
  'vault delete': destroys('critical', 'secrets', 'deletes the vault and every item in it'),
  'user delete': destroys('high', 'iam', 'removes the user from the account'),
  'user suspend': changes('medium', 'iam', 'suspends the user', true),
  'group delete': destroys('medium', 'iam', 'deletes the group'),
  'connect token delete': destroys('medium', 'iam', 'revokes a Connect token'),
  'service-account ratelimit': changes('low', 'iam', 'changes a rate limit', true),
  read: reads('secrets', 'prints a secret'),
  'item get': reads('secrets', 'prints the item (secret fields with --reveal)'),
};

const VALUE_OPTIONS = [
  '--vault',
  '--fields',
  '--format',
  '--account',
  '--session',
  '--categories',
  '--category',
  '--title',
  '--tags',
  '--config',
  '--encoding',
  '--address',
  '--email',
  '--shorthand',
  '-i',
  '--in-file',
  '-o',
  '--out-file',
  '--file-mode',
  '--file-name',
  '--description',
  '--icon',
];

const OP: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: { rm: 'delete', remove: 'delete' },
  hints: (call) => [...nameHints(call, 'op vault', '--vault'), ...nameHints(call, 'op account', '--account')],
};

export function onePassword(inv: Invocation) {
  return subcommandEffects(inv, OP);
}
