import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';

// Ed25519 keys that sign audit checkpoints. The private key lives in a file only its owner can read, never
// in the database; the keyring holds the public keys (current and retired) with their ids, so checkpoints
// signed before a rotation still verify, and a verifier elsewhere needs nothing secret.

const KeyEntry = z.object({
  id: z.string().regex(/^ed25519:[0-9a-f]{16}$/, 'a key id looks like ed25519:0123456789abcdef'),
  algorithm: z.literal('ed25519'),
  /** The public key, SubjectPublicKeyInfo DER, base64. */
  publicKey: z.string().min(40),
  createdAt: z.string(),
  retiredAt: z.string().optional(),
});
export type KeyEntry = z.infer<typeof KeyEntry>;

const KeyringFile = z.object({ version: z.literal(1), keys: z.array(KeyEntry) });
type KeyringFile = z.infer<typeof KeyringFile>;

export interface SigningKey {
  id: string;
  privateKey: KeyObject;
}

/** Public keys by id. */
export class Keyring {
  private readonly byId = new Map<string, KeyObject>();

  constructor(readonly entries: readonly KeyEntry[]) {
    for (const e of entries)
      this.byId.set(
        e.id,
        createPublicKey({ key: Buffer.from(e.publicKey, 'base64'), format: 'der', type: 'spki' }),
      );
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The key that signs from now on (the one not retired). */
  get current(): KeyEntry | undefined {
    return this.entries.find((e) => !e.retiredAt);
  }

  verify(id: string, message: string, signature: string): boolean {
    const key = this.byId.get(id);
    if (!key) return false;
    try {
      return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}

/** `ed25519:` and the first 16 hex digits of the sha256 of the public key (DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function signMessage(key: SigningKey, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), key.privateKey).toString('base64');
}

export function readKeyring(file: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `no audit keyring at ${file}: run \`interlock keys init\` where the server runs, or pass --keyring with a copy of its keyring (interlock keys show --print-keyring)`
        : `${file} is not readable JSON (${(error as Error).message})`,
    );
  }
  const parsed = KeyringFile.safeParse(raw);
  if (!parsed.success)
    throw new InputError(
      `${file} is not an Interlock keyring: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`,
    );
  try {
    return new Keyring(parsed.data.keys);
  } catch (error) {
    throw new InputError(`${file} holds a public key that cannot be read (${(error as Error).message})`);
  }
}

/** The keyring if there is one, else undefined (verification then says it could not check signatures). */
export function readKeyringIfAny(file: string): Keyring | undefined {
  return existsSync(file) ? readKeyring(file) : undefined;
}

export function readSigningKey(file: string): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `no audit signing key at ${file}: run \`interlock keys init\``
        : `cannot read the audit signing key ${file} (${code ?? (error as Error).message}); it must be readable by the user that runs Interlock`,
    );
  }
  try {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`it is a ${privateKey.asymmetricKeyType} key`);
    return { id: keyIdOf(createPublicKey(privateKey)), privateKey };
  } catch (error) {
    throw new InputError(`${file} is not an Ed25519 private key in PEM (${(error as Error).message})`);
  }
}

/** Write a file atomically (temporary file, then rename) with the given mode. */
function writeAtomic(file: string, text: string, mode: number): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

function newKeyPair(): { pem: string; entry: KeyEntry } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const entry: KeyEntry = {
    id: keyIdOf(publicKey),
    algorithm: 'ed25519',
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    createdAt: new Date().toISOString(),
  };
  return { pem, entry };
}

function writeKeyring(file: string, keys: KeyEntry[]): void {
  writeAtomic(file, `${JSON.stringify({ version: 1, keys } satisfies KeyringFile, null, 2)}\n`, 0o644);
}

/** Create the signing key and its keyring. Refuses to overwrite an existing key (rotate it instead). */
export function initKeys(paths: { privateKey: string; keyring: string }): KeyEntry {
  if (existsSync(paths.privateKey))
    throw new InputError(
      `an audit signing key already exists at ${paths.privateKey}; \`interlock keys rotate\` replaces it and keeps its public key for old checkpoints`,
    );
  const previous = existsSync(paths.keyring) ? readKeyring(paths.keyring).entries : [];
  const { pem, entry } = newKeyPair();
  const now = entry.createdAt;
  writeKeyring(paths.keyring, [...previous.map((e) => (e.retiredAt ? e : { ...e, retiredAt: now })), entry]);
  writeAtomic(paths.privateKey, pem, 0o600);
  return entry;
}

/** A new signing key; the old one's public part stays in the keyring (retired), its private part is deleted. */
export function rotateKeys(paths: { privateKey: string; keyring: string }): {
  retired: string;
  current: KeyEntry;
} {
  const old = readSigningKey(paths.privateKey);
  const ring = existsSync(paths.keyring) ? readKeyring(paths.keyring).entries : [];
  const { pem, entry } = newKeyPair();
  const now = entry.createdAt;
  const kept = ring.map((e) => (e.retiredAt ? e : { ...e, retiredAt: now }));
  if (!kept.some((e) => e.id === old.id))
    kept.push({
      id: old.id,
      algorithm: 'ed25519',
      publicKey: createPublicKey(old.privateKey).export({ format: 'der', type: 'spki' }).toString('base64'),
      createdAt: now,
      retiredAt: now,
    });
  // The keyring first: a crash between the two writes leaves the old key signing, and both verifying.
  writeKeyring(paths.keyring, [...kept, entry]);
  writeAtomic(paths.privateKey, pem, 0o600);
  return { retired: old.id, current: entry };
}
