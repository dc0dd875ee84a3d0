import { InputError } from '../core/errors.js';

// The kubectl command line as the broker runs it: the agent's --context chooses the broker's entry and is
// replaced by the broker's kubeconfig, context and impersonation. Options that bring other credentials or
// another cluster are refused: the broker's context is the only way in.

const REFUSED = new Set([
  '--kubeconfig',
  '--as',
  '--as-group',
  '--as-uid',
  '--token',
  '--user',
  '--cluster',
  '--server',
  '-s',
  '--username',
  '--password',
  '--client-certificate',
  '--client-key',
  '--certificate-authority',
  '--insecure-skip-tls-verify',
  '--tls-server-name',
]);

const optionOf = (arg: string) => arg.split('=')[0]!;

/** The `--context` the command names, if any. */
export function kubeContext(argv: readonly string[]): string | undefined {
  let context: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--context') context = argv[++i];
    else if (arg.startsWith('--context=')) context = arg.slice('--context='.length);
  }
  return context;
}

export interface Identity {
  kubeconfig: string;
  context: string;
  as: string;
  asGroups: readonly string[];
}

/** The broker's identity first, then the agent's arguments without --context (up to `--`, after which all stays). */
export function brokeredKubectlArgs(argv: readonly string[], id: Identity): string[] {
  const kept: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (REFUSED.has(optionOf(arg)))
      throw new InputError(
        `the broker runs kubectl with its own kubeconfig and identity only; remove ${optionOf(arg)}; nothing ran`,
      );
    if (arg === '--context') i++;
    else if (!arg.startsWith('--context=')) kept.push(arg);
  }
  const identity = [
    `--kubeconfig=${id.kubeconfig}`,
    `--context=${id.context}`,
    `--as=${id.as}`,
    ...id.asGroups.map((g) => `--as-group=${g}`),
  ];
  return [...identity, ...kept, ...argv.slice(i)];
}
