import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { changes, destroys, nameHints, reads, subcommandEffects, type Cli } from '../subcommands.js';

// 1Password's `op`: items, documents and vaults, and the account's users. A vault's name is a name only
// (a weak hint). Reading an item prints its secret fields: a low-risk read.

const VERBS: Cli['verbs'] = {
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
