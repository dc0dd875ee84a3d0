import type { Effect } from '../../core/types.js';
import { optionValue, optionValues } from '../../shell/options.js';
import { controlPort } from '../services/firewall-openings.js';
import { effect } from './common.js';
import { low } from './kubectl-changes.js';
import type { VerbContext } from './objects.js';

// `kubectl expose statefulset postgres --type=LoadBalancer --port=5432`: a database, a login or a control
// port put in reach of everything outside the cluster (a public load balancer: the internet). A ClusterIP
// service, the default, stays inside the cluster; a web port behind a load balancer is everyday work.

const OUTSIDE = /^(LoadBalancer|NodePort)$/i;

export function expose({ scope, parsed, rest }: VerbContext): Effect[] {
  const object = rest.map((w) => w.value).join(' ') || optionValues(parsed, '-f', '--filename').join(', ');
  const type = optionValue(parsed, '--type') ?? 'ClusterIP';
  const port = OUTSIDE.test(type)
    ? optionValues(parsed, '--port', '--target-port')
        .map(controlPort)
        .find((p) => p !== undefined)
    : undefined;
  if (!port) return [low(scope, 'expose', object || 'object', 'create')];
  return [
    effect(
      scope,
      'modify',
      'high',
      object,
      `exposes port ${port} of ${object} outside the cluster through a ${type} service`,
      'network',
    ),
  ];
}
