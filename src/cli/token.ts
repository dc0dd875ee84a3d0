import { userInfo } from 'node:os';
import { IdentityName, GroupName } from '../approvals/api.js';
import { serveSettings } from '../server/config.js';
import { SlackUserId } from '../server/slack/ids.js';
import { createToken, revokeToken } from '../server/tokens.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { configFor } from './server-connection.js';
import { InputError } from '../core/errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

// `interlock token …` works on the server's database directly (run it where the server runs): creating
// the first token cannot need a token. Every change is written to the audit log.

export interface TokenOptions {
  agent?: string;
  human?: string;
  group?: string[];
  actsFor?: string;
  slackUser?: string;
  database?: string;
  json?: boolean;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

async function withStore<T>(options: TokenOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const env = process.env;
  const database = options.database ?? serveSettings(configFor(process.cwd(), env), env).database;
  const store = await openStore(database, env);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function fail(message: string): number {
  process.stderr.write(`interlock token: ${message}\n`);
  return EXIT_CODES.usage;
}

export async function tokenCreate(options: TokenOptions): Promise<number> {
  if (!!options.agent === !!options.human) return fail('give exactly one of --agent NAME or --human NAME');
  const kind = options.agent ? 'agent' : 'human';
  const name = (options.agent ?? options.human)!;
  const checked = IdentityName.safeParse(name);
  if (!checked.success) return fail(`"${name}" is not a usable name: ${checked.error.issues[0]?.message}`);
  const groups = options.group ?? [];
  if (kind === 'agent' && groups.length) return fail('agents carry no groups; --group is for --human');
  if (kind === 'human' && options.actsFor)
    return fail('--acts-for is for --agent (the human the agent acts for)');
  if (kind === 'agent' && !options.actsFor)
    return fail(
      `an agent token needs --acts-for HUMAN, the person it works for (they can never approve its requests): interlock token create --agent ${name} --acts-for HUMAN`,
    );
  for (const g of groups) {
    const ok = GroupName.safeParse(g);
    if (!ok.success) return fail(`group "${g}" is not a usable name: ${ok.error.issues[0]?.message}`);
  }
  if (options.actsFor && !IdentityName.safeParse(options.actsFor).success)
    return fail(`--acts-for "${options.actsFor}" is not a usable name`);
  if (options.slackUser !== undefined) {
    if (kind === 'agent') return fail('--slack-user is for --human: agents never approve');
    const ok = SlackUserId.safeParse(options.slackUser);
    if (!ok.success) return fail(`--slack-user "${options.slackUser}": ${ok.error.issues[0]?.message}`);
  }
  let created;
  try {
    created = await withStore(options, (store) =>
      createToken(store, {
        kind,
        name,
        groups,
        ...(options.actsFor ? { actsFor: options.actsFor } : {}),
        ...(options.slackUser ? { slackUser: options.slackUser } : {}),
        createdBy: `cli:${osUser()}`,
      }),
    );
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    throw error;
  }
  const { token, identity } = created;
  if (options.json) process.stdout.write(`${JSON.stringify({ token, ...identity })}\n`);
  else
    process.stdout.write(
      `Created ${kind} token ${identity.id} for ${identity.name}${identity.groups.length ? ` (groups: ${identity.groups.join(', ')})` : ''}${identity.actsFor ? ` acting for ${identity.actsFor}` : ''}${identity.slackUser ? `; Slack user ${identity.slackUser} approves and denies as ${identity.name}` : ''}.\n` +
        `Token (shown once; only its hash is stored):\n\n  ${token}\n\n` +
        `Give it to ${name} as INTERLOCK_TOKEN, with INTERLOCK_SERVER_URL pointing at the server.\n`,
    );
  return EXIT_CODES.ok;
}

export async function tokenList(options: TokenOptions): Promise<number> {
  const identities = await withStore(options, (store) => store.listIdentities());
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ tokens: identities })}\n`);
    return EXIT_CODES.ok;
  }
  if (!identities.length) {
    process.stdout.write('No tokens yet: interlock token create --human NAME --group GROUP\n');
    return EXIT_CODES.ok;
  }
  for (const i of identities)
    process.stdout.write(
      `${i.id}  ${i.kind.padEnd(5)}  ${i.name.padEnd(20)}  ${i.kind === 'human' ? `groups: ${i.groups.join(', ') || '—'}${i.slackUser ? `  slack: ${i.slackUser}` : ''}` : `acts for: ${i.actsFor ?? 'NOBODY: its decisions are refused; revoke it and create it again with --acts-for'}`}  ${i.revokedAt ? `REVOKED ${new Date(i.revokedAt).toISOString()}` : `created ${new Date(i.createdAt).toISOString()}`}\n`,
    );
  return EXIT_CODES.ok;
}

export async function tokenRevoke(idOrName: string, options: TokenOptions): Promise<number> {
  const revoked = await withStore(options, (store) => revokeToken(store, idOrName, `cli:${osUser()}`));
  if (!revoked.length) return fail(`no live token has the id or name "${idOrName}" (interlock token list)`);
  process.stdout.write(`Revoked ${revoked.map((r) => `${r.id} (${r.kind} ${r.name})`).join(', ')}.\n`);
  return EXIT_CODES.ok;
}
