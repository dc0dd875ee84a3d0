import { optionValue } from '../shell/options.js';
import type { Analyzer } from './analyzer.js';
import { READS } from './http/known.js';
import { nerdgraph } from './http/nerdgraph.js';
import {
  changes,
  everyday,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
} from './subcommands.js';

// The New Relic CLI: `newrelic nerdgraph query 'mutation { alertsPolicyDelete(…) { id } }'` sends any
// NerdGraph document, and was allowed (an unknown program). What the document's mutations do is read as
// for a request to api.newrelic.com/graphql (http/nerdgraph.ts); a query, like `newrelic nrql query`, reads.
// Its everyday subcommands are listed; the rest are not known here (subcommands.ts), so it is not partial.

const reads = (what: string): Verb => ({ operation: 'read', risk: 'none', category: 'monitoring', what });

/** `nerdgraph query DOCUMENT [--variables JSON]`. */
function query(call: Call): Verb {
  const [document] = call.rest;
  if (!document || document.dynamic)
    return changes('medium', 'monitoring', 'sends a NerdGraph document not known before it runs');
  let variables: unknown;
  try {
    variables = JSON.parse(optionValue(call.options, '--variables') ?? '{}') as unknown;
  } catch {
    variables = undefined;
  }
  const known = nerdgraph(document.value, variables);
  if (known === READS) return reads('runs a NerdGraph query (it only reads)');
  if (!known)
    return changes('medium', 'monitoring', 'sends a NerdGraph document that does not read as GraphQL');
  return known;
}

const NEWRELIC: Cli = {
  options: {
    withValue: [
      '-a',
      '--accountId',
      '--format',
      '--profile',
      '--variables',
      '--apiKey',
      '--region',
      '-r',
      '--guid',
      '-g',
      '--tag',
      '-t',
      '--applicationId',
      '--revision',
      '--name',
      '-n',
    ],
  },
  verbs: {
    'nerdgraph query': query,
    'nrql query': reads('runs an NRQL query (it only reads)'),
    // A deployment marker recorded, a tag added: each deleted as easily.
    'apm deployment create': changes('low', 'monitoring', 'records a deployment marker', true),
    'entity tags create': changes('low', 'monitoring', 'adds tags to the entity', true),
    // The CLI's own profiles and settings on this machine; a URL decoded; its documentation written.
    ...everyday('profile add', 'profile default', 'config set', 'decode url', 'documentation'),
  },
  aliases: { profiles: 'profile' },
  hints: (call) => placeHints(call, 'flag --profile', '--profile'),
  target: (call) => call.verb,
};

export const newrelicAnalyzer: Analyzer = {
  family: 'newrelic',
  commands: ['newrelic'],
  local: false,
  environmentVariables: [],
  analyze: (inv) => subcommandEffects(inv, NEWRELIC),
};
