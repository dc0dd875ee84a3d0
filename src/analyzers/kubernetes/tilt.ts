import type { Effect } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { listedSubcommandEffects } from '../listed-subcommands.js';
import { destroys, everyday, worseInProduction, type Call, type Cli, type Verb } from '../subcommands.js';
import { kubeCliHints } from './cli-hints.js';

// Tilt is a dev loop: `tilt up` deploys the Tiltfile's resources to the current kube context and stays
// allowed. `tilt down` deletes them all, and with --delete-namespaces their namespaces too: routine in the
// dev cluster Tilt is meant for, an outage if the context is production or nobody recognised it.

const VALUE_OPTIONS = ['--context', '--namespace', '-f', '--file', '--port', '--host', '--klog'];

const down = (call: Call): Verb =>
  hasOption(call.options, '--delete-namespaces')
    ? worseInProduction(
        destroys('high', 'namespace', 'deletes every resource of the Tiltfile and the namespaces it defines'),
        'critical',
      )
    : worseInProduction(destroys('medium', 'release', 'deletes every resource of the Tiltfile'), 'high');

const VERBS: Cli['verbs'] = {
  down,
  ...everyday('up', 'ci', 'args', 'get', 'describe', 'logs', 'version', 'doctor', 'dump', 'verify-install'),
  ...everyday('trigger', 'wait', 'snapshot', 'completion'),
};

const TILT: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  hints: (call) => kubeCliHints(call, { context: ['--context'], kubeconfig: [], namespace: ['--namespace'] }),
  target: () => 'Tiltfile',
};

export function tilt(inv: Invocation): Effect[] {
  return listedSubcommandEffects(inv, TILT);
}
