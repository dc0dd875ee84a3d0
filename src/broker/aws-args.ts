import { InputError } from '../core/errors.js';

// The aws command line as the broker runs it: the profile the agent named chooses the broker's entry and is
// then dropped (the child has no config file to find it in: only the temporary credentials). Options that
// would hand the child other credentials are refused rather than silently dropped.

/** Options that choose credentials or where they come from: the broker's STS session is the only source. */
const REFUSED = new Set(['--no-sign-request', '--ca-bundle']);

/** The `--profile` the command names (`--profile p` or `--profile=p`); the last one wins, as in the CLI. */
export function awsProfile(argv: readonly string[]): string | undefined {
  let profile: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--profile') profile = argv[++i];
    else if (arg.startsWith('--profile=')) profile = arg.slice('--profile='.length);
  }
  return profile;
}

/** The arguments the broker's aws runs with: the agent's, without --profile. */
export function brokeredAwsArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = arg.split('=')[0]!;
    if (REFUSED.has(option))
      throw new InputError(
        `the broker runs aws with its own credentials only; remove ${option}; nothing ran`,
      );
    if (arg === '--profile') i++;
    else if (!arg.startsWith('--profile=')) out.push(arg);
  }
  return out;
}
