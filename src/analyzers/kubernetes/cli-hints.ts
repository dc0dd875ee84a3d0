import type { EnvironmentHint } from '../../core/types.js';
import { optionValue } from '../../shell/options.js';
import { envHint, placeHints, type Call } from '../subcommands.js';
import { contextHints } from './common.js';

/**
 * Where a Kubernetes platform CLI (flux, cilium, istioctl, helmfile…) lands, placed as kubectl is: its own
 * context and kubeconfig flags (each tool spells them its way), a command-local KUBECONFIG, else the edge's
 * current context; and the namespace it names.
 */
export function kubeCliHints(
  call: Call,
  flags: { context: string[]; kubeconfig: string[]; namespace?: string[]; envContext?: string },
): EnvironmentHint[] {
  const hints = contextHints(call.inv, {
    context: optionValue(call.options, ...flags.context),
    contextFlag: flags.context[0]!,
    kubeconfig: optionValue(call.options, ...flags.kubeconfig),
    ...(flags.envContext
      ? { envContext: call.inv.env(flags.envContext), envContextName: flags.envContext }
      : {}),
  });
  const namespace = flags.namespace ? optionValue(call.options, ...flags.namespace) : undefined;
  return namespace ? [...hints, { source: 'flag --namespace', value: namespace }] : hints;
}

/**
 * A deploy tool's environment (helmfile's `-e production`, werf's `--env`), else the variable that sets it:
 * an explicit place, as a kube context is.
 */
export function environmentHints(call: Call, options: string[], variable: string): EnvironmentHint[] {
  return optionValue(call.options, ...options)
    ? placeHints(call, `flag ${options[options.length - 1]!}`, ...options)
    : envHint(call, variable);
}
