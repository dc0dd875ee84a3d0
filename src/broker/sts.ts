import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredential } from './config.js';
import { LaunchRefused } from './kind.js';

// sts:AssumeRole with the broker's own keys, for one approved action: the session policy narrows the role
// to exactly the approved effects, for 15 minutes. Nothing is read from the agent's environment or files:
// credentials, region and endpoint are all given, and configured endpoint URLs (AWS_ENDPOINT_URL*, which the
// agent could set) are ignored. Any failure is a LaunchRefused: the broker then runs nothing.

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration?: Date;
}

export interface AssumeRoleInput {
  sessionName: string;
  policy: string;
  durationSeconds: number;
}

/** The STS endpoint an entry uses: its own, or the region's. */
const stsEndpoint = (entry: AwsCredential): string =>
  entry.endpoint ?? `https://sts.${entry.region}.amazonaws.com`;

export async function assumeRole(
  entry: AwsCredential,
  input: AssumeRoleInput,
): Promise<TemporaryCredentials> {
  const client = new STSClient({
    region: entry.region,
    endpoint: stsEndpoint(entry),
    ignoreConfiguredEndpointUrls: true,
    credentials: entry.source,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 10_000 },
  });
  try {
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: entry.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        Policy: input.policy,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
      throw new Error('the answer holds no temporary credentials');
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  } catch (error) {
    throw new LaunchRefused(
      `sts:AssumeRole of ${entry.roleArn} at ${stsEndpoint(entry)} failed (${(error as Error).message}); denied, nothing ran`,
    );
  } finally {
    client.destroy();
  }
}
