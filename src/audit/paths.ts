import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { userConfigDir } from '../config/discover.js';

// Where the audit log's local pieces live. Nothing here touches the disk.
//
//   (each: a flag, else the environment variable, else `audit:` in the user's config.yaml, else the default)
//   (each: a flag, else the environment variable, else `audit:` in the user's config.yaml, else the default)
//   local decisions   $INTERLOCK_DATABASE, else $XDG_STATE_HOME/interlock/audit.db (~/.local/state/…)
//   signing key       $INTERLOCK_AUDIT_KEY, else $XDG_CONFIG_HOME/interlock/audit/signing-key.pem (0600)
//   public keyring    $INTERLOCK_AUDIT_KEYRING, else keyring.json next to the signing key
//   witness files     witness/ next to the signing key: the latest signed checkpoint of each log, kept
//                     outside the database so that cutting the tail and the checkpoints together is caught

/** `~/x` → $HOME/x (paths from config.yaml are written that way). */
function expandHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
}

export function defaultLocalDatabase(env: NodeJS.ProcessEnv = process.env, configured?: string): string {
  if (env.INTERLOCK_DATABASE?.trim()) return resolve(env.INTERLOCK_DATABASE.trim());
  if (configured) return resolve(expandHome(configured, env));
  const base = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'interlock', 'audit.db');
}

export interface KeyPaths {
  /** The Ed25519 private key (PKCS#8 PEM), readable by its owner only. */
  privateKey: string;
  /** Public keys with their ids, current and retired: all a verifier needs. */
  keyring: string;
  /** One file per log: the latest checkpoint this machine signed for it. */
  witnessDir: string;
}

/** `overrides` (command-line flags) win, then the environment, then `configured` (the user's config.yaml). */
export function keyPaths(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { key?: string; keyring?: string } = {},
  configured: { signingKey?: string; keyring?: string } = {},
): KeyPaths {
  const privateKey = resolve(
    overrides.key ??
      (env.INTERLOCK_AUDIT_KEY?.trim() ||
        (configured.signingKey && expandHome(configured.signingKey, env)) ||
        join(userConfigDir(env), 'audit', 'signing-key.pem')),
  );
  const dir = dirname(privateKey);
  const keyring = resolve(
    overrides.keyring ??
      (env.INTERLOCK_AUDIT_KEYRING?.trim() ||
        (configured.keyring && expandHome(configured.keyring, env)) ||
        join(dir, 'keyring.json')),
  );
  return { privateKey, keyring, witnessDir: join(dir, 'witness') };
}
