import type { EnvironmentHint } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { changes, destroys, placeHints, subcommandEffects, type Call, type Cli } from '../subcommands.js';
import { brokerHints } from './kafka.js';

// The nats CLI: JetStream streams, consumers, key-value and object stores. It connects to --server,
// NATS_URL or its selected context (which the command text does not show: unknown unless named).

const VERBS: Cli['verbs'] = {
  'stream rm': destroys('critical', 'stream', 'deletes the stream and every message in it'),
  'stream purge': destroys('critical', 'stream', 'deletes the messages in the stream'),
  'stream rmm': destroys('medium', 'stream', 'deletes a message from the stream'),
  'stream edit': changes('medium', 'stream', "changes the stream's limits (tighter limits drop messages)"),
  'consumer rm': destroys('medium', 'stream', 'deletes the consumer and its delivery state'),
  'kv rm': (call) =>
    call.rest.length >= 2
      ? destroys('medium', 'stream', 'deletes the key')
      : destroys('critical', 'stream', 'deletes the bucket and every key in it'),
  'kv purge': destroys('medium', 'stream', 'deletes the key and its history'),
  'kv put': changes('low', 'stream', 'writes a key', true),
  'obj rm': (call) =>
    call.rest.length >= 2
      ? destroys('medium', 'storage', 'deletes the object')
      : destroys('critical', 'storage', 'deletes the object store and everything in it'),
  pub: changes('low', 'stream', 'publishes a message'),
};

const VALUE_OPTIONS = [
  '-s',
  '--server',
  '--context',
  '--creds',
  '--nkey',
  '--user',
  '--password',
  '--tlscert',
  '--tlskey',
  '--tlsca',
  '--subject',
  '--seq',
  '--keep',
  '--timeout',
  '-H',
  '--header',
  '--count',
];

function hints(call: Call): EnvironmentHint[] {
  const server = optionValue(call.options, '-s', '--server') ?? call.inv.env('NATS_URL');
  return [
    ...(server
      ? brokerHints(
          call.options.options.has('-s') || call.options.options.has('--server')
            ? 'flag --server'
            : 'env NATS_URL',
          server,
        )
      : []),
    ...placeHints(call, 'flag --context', '--context'),
  ];
}

const NATS: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: {
    delete: 'rm',
    del: 'rm',
    remove: 'rm',
    str: 'stream',
    con: 'consumer',
    object: 'obj',
    publish: 'pub',
  },
  hints,
};

export function nats(inv: Invocation) {
  return subcommandEffects(inv, NATS);
}
