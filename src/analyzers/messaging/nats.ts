import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';
import { brokerHints } from './kafka.js';

// The nats CLI: JetStream streams, consumers, key-value and object stores. It connects to --server,
// NATS_URL or its selected context (which the command text does not show: unknown unless named).

/**
 * A message is everyday work, unless its subject is the server's own API (`$JS.API.STREAM.DELETE.ORDERS`,
 * `$SYS.REQ.SERVER.…`): then the call is that API call, a deletion or purge among them.
 */
const message =
  (verb: Verb) =>
  (call: Call): Verb => {
    const subject = call.rest[0]?.dynamic ? '' : (call.rest[0]?.value ?? '');
    if (!/^\$(JS|SYS)\./i.test(subject)) return verb;
    if (/\.(DELETE|PURGE)(\.|$)/i.test(subject))
      return destroys('critical', 'stream', `calls the server's API ${subject}, which deletes or purges`);
    if (/\.(INFO|LIST|NAMES|PING)(\.|$)/i.test(subject)) return verb;
    return changes('medium', 'stream', `calls the server's API ${subject} directly`);
  };

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
  pub: message(changes('low', 'stream', 'publishes a message')),
  // A request is a message that waits for its answer; a key or an object written is written again.
  req: message(changes('low', 'stream', 'sends a request message and waits for its reply', true)),
  'kv create': changes('low', 'stream', 'writes a key that does not exist yet', true),
  'kv update': changes('low', 'stream', 'writes a key at the revision given', true),
  'kv add': { operation: 'create', risk: 'low', category: 'stream', what: 'creates a key-value bucket' },
  'obj put': changes('low', 'storage', 'writes an object', true),
  'obj add': { operation: 'create', risk: 'low', category: 'storage', what: 'creates an object store' },
  // A backup reads the stream and writes its files here; a restore puts a stream back from them.
  'stream backup': {
    operation: 'create',
    risk: 'low',
    category: 'file',
    what: 'reads the stream and writes a backup of it into a local directory',
    local: true,
  },
  'stream restore': {
    operation: 'replace',
    risk: 'high',
    category: 'stream',
    what: 'restores a stream from a backup, replacing the stream of that name',
  },
  'stream add': { operation: 'create', risk: 'low', category: 'stream', what: 'creates a stream' },
  'consumer add': { operation: 'create', risk: 'low', category: 'stream', what: 'creates a consumer' },
  'consumer pause': changes('low', 'stream', 'pauses the consumer (it delivers again when resumed)', true),
  'consumer resume': changes('low', 'stream', 'resumes the paused consumer', true),
  // A subscriber only copies messages, unless it takes them from others: in a queue group (--queue) the
  // group's workers never see its share; bound to a durable consumer (--durable) or acknowledging (--ack),
  // what it reads is not delivered again.
  sub: (call) =>
    hasOption(call.options, '--queue')
      ? changes(
          'medium',
          'stream',
          "joins the queue group: it takes messages the group's workers would have handled",
        )
      : hasOption(call.options, '--durable', '--ack')
        ? changes(
            'medium',
            'stream',
            'consumes JetStream messages: their consumer does not deliver them again',
          )
        : undefined,
  // Answers requests on the subject: real requesters may get its canned replies.
  reply: changes('medium', 'stream', 'answers requests on the subject (requesters may get its replies)'),
  // Looking, and this machine's contexts: reports, checks, round trips, a subscriber's copy of messages.
  ...everyday(
    'stream report',
    'stream subjects',
    'consumer report',
    'server report',
    'server check',
    'server ping',
    'server passwd',
    'server mapping',
    'account report',
    'kv keys',
    'kv history',
    'rtt',
    'latency',
    'events',
    'errors',
    'cheat',
    'context select',
    'context add',
    'context edit',
    'context show',
    'context copy',
  ),
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
  '--queue',
  '--durable',
  '--description',
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
    request: 'req',
    subscribe: 'sub',
  },
  hints,
};

export function nats(inv: Invocation) {
  return subcommandEffects(inv, NATS);
}
