import { chmodSync, chownSync, existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { brokerKindsText } from '../../adapters/broker/kinds.js';
import { BrokerConfig } from '../../broker/config.js';
import { brokerKindsOf } from '../../broker/kinds-of.js';
import { InputError } from '../../core/errors.js';
import type { SystemPaths } from '../../daemon/system-paths.js';
import type { Account } from './system-user.js';

// The broker under Interlock's own identity: its file (and the password files it names) belong to the
// interlock user, 0600, so an agent running as itself cannot read the privileged credentials, and a
// world-readable summary beside it names only the kinds it covers, for the hook to route commands by.

const brokerConfigPath = (paths: SystemPaths) => join(paths.configDir, 'broker.yaml');
const brokerKindsPath = (paths: SystemPaths) => join(paths.configDir, 'broker.kinds.json');

function own(path: string, account: Account): void {
  if (!lstatSync(path).isFile()) throw new InputError(`${path} is not a regular file; setup left it alone`);
  chownSync(path, account.uid, account.gid);
  chmodSync(path, 0o600);
}

/** Hand the broker's files to the interlock user and write the summary. Lines for the setup report. */
export function placeBroker(paths: SystemPaths, account: Account): string[] {
  const config = brokerConfigPath(paths);
  const summary = brokerKindsPath(paths);
  let kinds: string[] = [];
  const lines: string[] = [];
  if (existsSync(config)) {
    own(config, account);
    const parsed = BrokerConfig.safeParse(parse(readFileSync(config, 'utf8')) ?? {});
    if (!parsed.success)
      throw new InputError(`${config}: ${parsed.error.issues[0]!.message}; fix it and run setup again`);
    for (const entry of parsed.data.postgres) if (entry.passwordFile) own(entry.passwordFile, account);
    kinds = brokerKindsOf(parsed.data);
    lines.push(`broker ${config}: ${account.name}, 0600 (only Interlock's user reads its credentials)`);
  } else lines.push(`broker: no ${config}; nothing is brokered`);
  writeFileSync(summary, brokerKindsText(kinds), { mode: 0o644 });
  chownSync(summary, 0, 0);
  chmodSync(summary, 0o644);
  lines.push(`broker summary ${summary}: root, 0644 (kinds: ${kinds.join(', ') || 'none'})`);
  return lines;
}
