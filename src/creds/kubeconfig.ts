import { parse } from 'yaml';
import { z } from 'zod';
import type { EnvironmentHint } from '../core/types.js';
import { weakHint, type CredentialFile, type Found } from './types.js';

// Kubeconfig contexts and the users they log in as: client certificates, tokens, basic auth, exec plugins
// and auth providers. The context's name and the cluster's server place it; the user's name says how
// powerful it looks (`cluster-admin`). Only field names and names are kept, never their values.

const ExecConfig = z.object({
  command: z.string().optional(),
  args: z.array(z.string()).nullish(),
  env: z.array(z.object({ name: z.string(), value: z.string().optional() })).nullish(),
});

const User = z.record(z.string(), z.unknown());

const Kubeconfig = z.object({
  clusters: z
    .array(z.object({ name: z.string(), cluster: z.object({ server: z.string().optional() }).optional() }))
    .nullish(),
  users: z.array(z.object({ name: z.string(), user: User.optional() })).nullish(),
  contexts: z
    .array(
      z.object({
        name: z.string(),
        context: z
          .object({
            cluster: z.string().optional(),
            user: z.string().optional(),
            namespace: z.string().optional(),
          })
          .optional(),
      }),
    )
    .nullish(),
});

/** What a kube user authenticates with, in words; an exec plugin's AWS profile is a placement hint. */
function userAuth(user: Record<string, unknown>): { details: string[]; hints: EnvironmentHint[] } {
  const details: string[] = [];
  const hints: EnvironmentHint[] = [];
  if ('client-certificate-data' in user || 'client-certificate' in user) details.push('client certificate');
  if ('token' in user || 'tokenFile' in user) details.push('bearer token');
  if ('username' in user || 'password' in user) details.push('basic auth');
  const provider = user['auth-provider'] as { name?: unknown } | undefined;
  if (provider)
    details.push(`auth-provider ${typeof provider.name === 'string' ? provider.name : ''}`.trim());
  const exec = ExecConfig.safeParse(user.exec);
  if (user.exec && exec.success) {
    const program = (exec.data.command ?? '').split('/').pop() ?? '';
    details.push(`exec plugin ${program}`.trim());
    const args = exec.data.args ?? [];
    const profileAt = args.indexOf('--profile');
    const profile = profileAt >= 0 ? args[profileAt + 1] : undefined;
    if (profile) hints.push({ source: 'exec --profile', value: profile });
    for (const e of exec.data.env ?? [])
      if (e.name === 'AWS_PROFILE' && e.value) hints.push({ source: 'exec env AWS_PROFILE', value: e.value });
  }
  return { details, hints };
}

const hostOf = (server: string) => {
  try {
    return new URL(server).hostname;
  } catch {
    return undefined;
  }
};

export function kubeContexts(file: CredentialFile): Found[] {
  if (file.kind !== 'kubeconfig' || file.text === undefined) return [];
  let raw: unknown;
  try {
    raw = parse(file.text);
  } catch {
    return [];
  }
  const config = Kubeconfig.safeParse(raw ?? {});
  if (!config.success) return [];
  const clusters = config.data.clusters ?? [];
  const users = config.data.users ?? [];
  const contexts = config.data.contexts ?? [];
  return contexts.flatMap(({ name, context }) => {
    const userName = context?.user;
    const user = users.find((u) => u.name === userName)?.user;
    if (!user) return [];
    const { details, hints } = userAuth(user);
    if (!details.length) return [];
    const clusterName = context?.cluster;
    const server = clusters.find((c) => c.name === clusterName)?.cluster?.server;
    const host = server ? hostOf(server) : undefined;
    return [
      {
        kind: 'kube-context',
        source: file.path,
        name,
        hints: [
          { source: 'kube context', value: name },
          ...(host ? [{ source: 'cluster server', value: host }] : []),
          ...(clusterName ? [weakHint('kube cluster', clusterName)] : []),
          ...(context?.namespace ? [weakHint('namespace', context.namespace)] : []),
          ...hints,
        ],
        // The kube user's name and a basic-auth user name (`admin`) are names, not secrets.
        powerNames: [userName, typeof user.username === 'string' ? user.username : undefined].filter(
          (n): n is string => n !== undefined,
        ),
        detail: `user ${userName ?? '?'}${host ? ` on ${host}` : ''}: ${details.join(', ')}`,
      },
    ];
  });
}
