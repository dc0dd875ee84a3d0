import { sessionPolicy, SESSION_SECONDS } from '../least-privilege/aws-session-policy.js';
import { awsProfile, brokeredAwsArgs } from './aws-args.js';
import { AWS_VARIABLES, withoutVariables } from './child-env.js';
import type { AwsCredential, BrokerConfig } from './config.js';
import { LaunchRefused, noEntry, type BrokerKind, type ShellFinal } from './kind.js';
import { assumeRole } from './sts.js';

// aws as a role the broker assumes for one approved action: sts:AssumeRole with the broker's own keys, a
// session policy of exactly the approved effects and a 15-minute lifetime. The child gets only those
// temporary credentials: every AWS_* variable of the agent's is dropped and the config files are /dev/null,
// so no profile, credential process or SSO cache of the agent's can take their place.

/** The entry for the profile the command names; one without a profile serves commands that name none. */
function matchAws(config: BrokerConfig, profile: string | undefined): AwsCredential | undefined {
  return config.aws.find((e) => e.match.profile === profile);
}

const accountOf = (roleArn: string) => /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn)?.[1];

/** `interlock-<request>` (or the digest when no server was asked): what CloudTrail shows for the session. */
function sessionName(final: ShellFinal): string {
  const id = final.server?.requestId ?? final.binding.digest.replace(/^sha256:/, '').slice(0, 16);
  return `interlock-${id}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

/** The session policy of the approved effects; a refusal when one of them names no IAM action yet. */
function approvedPolicy(final: ShellFinal, entry: AwsCredential): string {
  const effects = final.assessment.effects.filter((e) => e.tool === 'aws');
  const account = accountOf(entry.roleArn);
  const policy = sessionPolicy(effects, account ? { account } : {});
  const unmapped = policy.unmapped[0];
  if (unmapped)
    throw new LaunchRefused(
      `no session policy can allow ${unmapped.target} (${unmapped.why}); denied, nothing ran`,
    );
  if (!policy.policy.Statement.length)
    throw new LaunchRefused(
      'the command has no aws effect to grant (a read needs no broker: use read-only credentials); nothing ran',
    );
  return policy.assumeRole.Policy;
}

export const awsKind: BrokerKind = {
  program: 'aws',
  prepare(argv, config, configPath, env) {
    const profile = awsProfile(argv);
    const entry = matchAws(config, profile);
    if (!entry)
      throw noEntry('aws', configPath, profile ? `--profile ${profile}` : 'a command without --profile');
    const args = brokeredAwsArgs(argv);
    // Assessed as it runs: the agent's AWS_* variables are gone, the profile named on the line places it.
    const assessEnv = withoutVariables(env, AWS_VARIABLES);
    return {
      credentials: `broker:${entry.name}`,
      assessEnv,
      async launch(final) {
        const policy = approvedPolicy(final, entry);
        const temporary = await assumeRole(entry, {
          sessionName: sessionName(final),
          policy,
          durationSeconds: SESSION_SECONDS,
        });
        return {
          program: config.awsCli,
          args,
          env: {
            ...assessEnv,
            AWS_ACCESS_KEY_ID: temporary.accessKeyId,
            AWS_SECRET_ACCESS_KEY: temporary.secretAccessKey,
            AWS_SESSION_TOKEN: temporary.sessionToken,
            AWS_CONFIG_FILE: '/dev/null',
            AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
            AWS_DEFAULT_REGION: entry.region,
            AWS_REGION: entry.region,
          },
        };
      },
    };
  },
};
