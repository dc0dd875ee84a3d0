import { statSync } from 'node:fs';
import { initKeys, readKeyring, readSigningKey, rotateKeys } from '../audit/keys.js';
import { keyPaths } from '../audit/paths.js';
import { configuredAudit } from './audit-store.js';
import { recordKeyInLog } from './keys-in-log.js';
import { reportError } from './errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

export interface KeysOptions {
  key?: string;
  keyring?: string;
  json?: boolean;
}

function paths(options: KeysOptions) {
  return keyPaths(
    process.env,
    {
      ...(options.key ? { key: options.key } : {}),
      ...(options.keyring ? { keyring: options.keyring } : {}),
    },
    configuredAudit(process.env),
  );
}

/** `interlock keys init`: the Ed25519 key that signs checkpoints, and its public keyring. */
export async function runKeysInit(options: KeysOptions): Promise<number> {
  try {
    const p = paths(options);
    const entry = initKeys(p);
    const log = await recordKeyInLog(entry, readSigningKey(p.privateKey), p.witnessDir);
    if (options.json)
      process.stdout.write(
        `${JSON.stringify({ keyId: entry.id, privateKey: p.privateKey, keyring: p.keyring, recordedIn: log })}\n`,
      );
    else
      process.stdout.write(
        `Created audit signing key ${entry.id}.\n` +
          `  private key  ${p.privateKey} (mode 0600: keep it off the database host's backups if you can)\n` +
          `  keyring      ${p.keyring} (public keys only: give a copy to whoever verifies the log)\n` +
          `  recorded in  ${log} (a key the log does not record is refused by \`audit verify\`)\n` +
          `The server signs a checkpoint every 1000 entries or 5 minutes; \`interlock audit verify\` checks them.\n`,
      );
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('keys init', error);
  }
}

/** `interlock keys show`: the active key and the keyring (`--keyring` prints the keyring file for copying). */
export async function runKeysShow(options: KeysOptions & { printKeyring?: boolean }): Promise<number> {
  try {
    const p = paths(options);
    const ring = readKeyring(p.keyring);
    if (options.printKeyring) {
      process.stdout.write(`${JSON.stringify({ version: 1, keys: ring.entries }, null, 2)}\n`);
      return EXIT_CODES.ok;
    }
    let active: string | undefined;
    let mode: string | undefined;
    try {
      active = readSigningKey(p.privateKey).id;
      mode = (statSync(p.privateKey).mode & 0o777).toString(8).padStart(4, '0');
    } catch {
      // a verifier's machine holds the keyring only
    }
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ privateKey: active ? p.privateKey : null, activeKey: active ?? null, keyring: p.keyring, keys: ring.entries })}\n`,
      );
      return EXIT_CODES.ok;
    }
    const lines = [
      active
        ? `Signing key ${active} at ${p.privateKey} (mode ${mode})`
        : `No signing key on this machine (${p.privateKey}): it can verify, not sign.`,
      `Keyring ${p.keyring}:`,
      ...ring.entries.map(
        (e) =>
          `  ${e.id}  created ${e.createdAt}${e.retiredAt ? `  retired ${e.retiredAt}` : '  current'}${e.id === active ? '  (this machine signs with it)' : ''}`,
      ),
    ];
    if (mode && mode !== '0600')
      lines.push(`! ${p.privateKey} is mode ${mode}: run chmod 600 ${p.privateKey}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('keys show', error);
  }
}

/** `interlock keys rotate`: a new signing key; old checkpoints keep verifying with the retired public key. */
export async function runKeysRotate(options: KeysOptions): Promise<number> {
  try {
    const p = paths(options);
    const old = readSigningKey(p.privateKey);
    const { retired, current } = rotateKeys(p);
    // The rotation is signed by the key it retires: the log vouches for its next key.
    await recordKeyInLog(current, old, p.witnessDir, retired);
    if (options.json) process.stdout.write(`${JSON.stringify({ retired, keyId: current.id })}\n`);
    else
      process.stdout.write(
        `Rotated: new signing key ${current.id}; ${retired} is retired (its public key stays in ${p.keyring}, its private key is gone).\n` +
          `Give verifiers the new keyring (interlock keys show --print-keyring), and restart \`interlock serve\` so it signs with the new key.\n`,
      );
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('keys rotate', error);
  }
}
