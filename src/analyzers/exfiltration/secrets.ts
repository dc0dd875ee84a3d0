import { posix } from 'node:path';
import type { ActionFacts } from '../../core/types.js';
import { sensitiveFile, userInterlockDir, type SensitiveContext } from '../sensitive-files.js';

/** Where a command runs and what the agent's environment holds: enough to tell a secret when it is read. */
export interface SecretContext extends SensitiveContext {
  env: Readonly<Record<string, string | undefined>>;
}

export function secretContext(facts: ActionFacts): SecretContext {
  return {
    cwd: facts.cwd,
    home: facts.home,
    userConfigDir: userInterlockDir(facts.env, facts.home),
    env: facts.env,
  };
}

/** Variable names that say they hold a secret (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`). */
export const SECRET_NAME =
  /SECRET|TOKEN|PASSW(OR)?D|PASSPHRASE|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|_KEY$|^KEY$/i;

/** Password hashes: system files, but secrets all the same. */
const SYSTEM_SECRETS = new Set(['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-']);
/** Files under ~/.ssh and friends that are meant to be shared: public keys, the hosts one trusts. */
const PUBLIC = /(\.pub|^known_hosts(\.old)?|^authorized_keys2?)$/;

/** The file holds credentials or secrets (sensitive-files.ts's credentials and Terraform state). */
export function isSecretFile(path: string, ctx: SensitiveContext): boolean {
  const file = sensitiveFile(path, ctx);
  if (!file) return false;
  if (SYSTEM_SECRETS.has(file.path)) return true;
  if (PUBLIC.test(posix.basename(file.path))) return false;
  return file.category === 'credentials' || file.category === 'terraform-state';
}

/** Values of the agent's secret variables, long enough to recognise once the shell substituted them. */
export function resolvedSecrets(ctx: SecretContext): [string, string][] {
  return Object.entries(ctx.env).filter(
    (entry): entry is [string, string] => SECRET_NAME.test(entry[0]) && (entry[1]?.length ?? 0) >= 8,
  );
}
