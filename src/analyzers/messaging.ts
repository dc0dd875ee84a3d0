import type { Analyzer } from './analyzer.js';
import { KAFKA_TOOLS, kafkaTool, kcat } from './messaging/kafka.js';
import { nats } from './messaging/nats.js';
import { pulsarAdmin } from './messaging/pulsar.js';
import { rabbitmqadmin, rabbitmqctl } from './messaging/rabbitmq.js';

/**
 * Messaging administration: Kafka's admin tools and kcat, the nats CLI, rabbitmqadmin, rabbitmqctl and
 * pulsar-admin. Deleting or purging topics, streams and queues, clearing backlogs, moving consumer offsets,
 * shortening retention, broker administrators made. Brokers and servers named on the command line place
 * the effect; rabbitmqctl without -n acts on this machine.
 */
export const messagingAnalyzer: Analyzer = {
  family: 'messaging',
  commands: [...KAFKA_TOOLS, 'kcat', 'kafkacat', 'nats', 'rabbitmqadmin', 'rabbitmqctl', 'pulsar-admin'],
  // Only rabbitmqctl's effects on this machine's node stay local; every other effect says local: false.
  local: true,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'kcat':
      case 'kafkacat':
        return kcat(inv);
      case 'nats':
        return nats(inv);
      case 'rabbitmqadmin':
        return rabbitmqadmin(inv);
      case 'rabbitmqctl':
        return rabbitmqctl(inv);
      case 'pulsar-admin':
        return pulsarAdmin(inv);
      default:
        return kafkaTool(inv);
    }
  },
};
