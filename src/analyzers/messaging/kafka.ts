import type { Effect, EnvironmentHint } from '../../core/types.js';
import {
  hasOption,
  optionValue,
  optionValues,
  parseOptions,
  type ParsedOptions,
} from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import type { Verb } from '../subcommands.js';
import { changes, destroys } from '../subcommands.js';

// Kafka's admin tools take their action as a flag (`kafka-topics --delete`), not a subcommand, and the
// brokers from --bootstrap-server (an explicit hint, like any host). kcat/kafkacat produce with -P.

const VALUE_OPTIONS = [
  '--bootstrap-server',
  '--zookeeper',
  '--topic',
  '--partitions',
  '--replication-factor',
  '--replica-assignment',
  '--config',
  '--group',
  '--entity-type',
  '--entity-name',
  '--add-config',
  '--add-config-file',
  '--delete-config',
  '--command-config',
  '--offset-json-file',
  '--to-offset',
  '--shift-by',
  '--to-datetime',
  '--by-duration',
  '--from-file',
  '--timeout',
];

/** Config keys whose new value can delete data already in a topic. */
const DATA_LOSING_CONFIG =
  /(^|,)\s*(retention\.(ms|bytes)|log\.retention\.\w+|cleanup\.policy|segment\.(ms|bytes))\s*=/;

function topics(o: ParsedOptions): Verb | undefined {
  if (hasOption(o, '--delete'))
    return destroys('critical', 'stream', 'deletes the topic and every message in it');
  if (hasOption(o, '--alter') && hasOption(o, '--partitions'))
    return changes(
      'medium',
      'stream',
      'adds partitions (keys move to other partitions; it cannot be undone)',
    );
  if (hasOption(o, '--alter')) return changes('medium', 'stream', "changes the topic's settings");
  if (hasOption(o, '--create')) return changes('low', 'stream', 'creates a topic', true);
  return undefined;
}

function configs(o: ParsedOptions): Verb | undefined {
  if (!hasOption(o, '--alter')) return undefined;
  if (optionValues(o, '--add-config').some((c) => DATA_LOSING_CONFIG.test(c)))
    return changes('high', 'stream', 'changes retention or cleanup: messages already kept may be deleted');
  return changes('medium', 'stream', 'changes broker, topic or client settings');
}

function consumerGroups(o: ParsedOptions): Verb | undefined {
  if (hasOption(o, '--delete'))
    return destroys('high', 'stream', 'deletes the consumer group and its committed offsets');
  if (hasOption(o, '--delete-offsets'))
    return destroys('high', 'stream', "deletes the group's committed offsets");
  if (hasOption(o, '--reset-offsets') && hasOption(o, '--execute'))
    return changes(
      'high',
      'stream',
      'moves the group to other offsets: messages are skipped or processed again',
    );
  return undefined;
}

const TOOLS: Record<string, (o: ParsedOptions) => Verb | undefined> = {
  'kafka-topics': topics,
  'kafka-configs': configs,
  'kafka-consumer-groups': consumerGroups,
  'kafka-delete-records': () =>
    destroys('critical', 'stream', 'deletes the records before the given offsets'),
};

export const KAFKA_TOOLS = Object.keys(TOOLS).flatMap((t) => [t, `${t}.sh`]);

/** Every broker of a `host:port,host:port` list, as explicit hints. */
export function brokerHints(source: string, list: string): EnvironmentHint[] {
  return list
    .split(',')
    .map((b) =>
      b
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/:\d+$/, ''),
    )
    .filter(Boolean)
    .map((value) => ({ source, value }));
}

function effect(inv: Invocation, verb: Verb, target: string, hints: EnvironmentHint[]): Effect {
  return {
    operation: verb.operation,
    tool: inv.name,
    target,
    reversible: verb.reversible ?? false,
    risk: verb.risk,
    reason: `${inv.name} ${verb.what}`,
    category: verb.category,
    hints,
    local: false,
  };
}

export function kafkaTool(inv: Invocation): Effect[] {
  const o = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  const verb = TOOLS[inv.name.replace(/\.sh$/, '')]?.(o);
  if (!verb) return [];
  const servers = optionValue(o, '--bootstrap-server', '--zookeeper');
  const hints = servers ? brokerHints('flag --bootstrap-server', servers) : [];
  const target =
    optionValue(o, '--topic', '--group', '--entity-name') ?? optionValue(o, '--offset-json-file') ?? inv.name;
  return [effect(inv, verb, target, hints)];
}

const KCAT_OPTIONS = [
  '-b',
  '-t',
  '-p',
  '-o',
  '-K',
  '-X',
  '-f',
  '-c',
  '-G',
  '-k',
  '-H',
  '-D',
  '-F',
  '-s',
  '-z',
  '-d',
  '-T',
];

/** kcat/kafkacat: -P produces to a topic; -C, -L and -Q only read. */
export function kcat(inv: Invocation): Effect[] {
  const o = parseOptions(inv.args, { withValue: KCAT_OPTIONS });
  if (!hasOption(o, '-P')) return [];
  const brokers = optionValue(o, '-b');
  const verb = changes('medium', 'stream', 'produces messages to the topic (consumers will process them)');
  return [
    effect(inv, verb, optionValue(o, '-t') ?? 'a topic', brokers ? brokerHints('flag -b', brokers) : []),
  ];
}
