// Files only their owner may read: private keys, credentials and the system's password hashes. Letting
// the group, everyone or another user read one (chmod 644, setfacl -m u:guest:r) hands its secret out.

/** Private keys and credentials. Certificates (`cert.pem`, `fullchain.pem`) are public. */
const PRIVATE_KEY =
  /(^|\/)(id_(rsa|dsa|ecdsa|ed25519)(_sk)?|ssh_host_\w+_key|[^/]+\.(key|p12|pfx|ppk|jks|keystore)|\.netrc|\.pgpass|\.git-credentials|\.aws\/credentials)$/i;
const PRIVATE_PEM = /\.pem$/i;
const CERTIFICATE = /(cert|chain|bundle|\bca\b|[-_.]ca[-_.]|pub)/i;
/** The system's own secrets: password hashes, sudo rules, TLS keys, root's home. */
const SYSTEM_SECRETS = /^\/(etc\/(g?shadow-?|sudoers(\.d)?(\/.*)?|ssl\/private(\/.*)?)|root(\/.*)?)$/;
/** Directories of keys: `chmod -R 755 ~/.ssh` opens every key in them. */
const KEY_DIRS = /(^|\/)(\.ssh|\.gnupg|\.aws|ssl\/private)$/;

/** Why `path` (resolved) must stay readable by its owner only, when it must. */
export function ownerOnly(path: string, recursive: boolean): string | undefined {
  if (SYSTEM_SECRETS.test(path)) return 'a file of system secrets';
  if (PRIVATE_KEY.test(path)) return 'a private key or credentials';
  if (PRIVATE_PEM.test(path) && !CERTIFICATE.test(path.slice(path.lastIndexOf('/') + 1)))
    return 'a private key or credentials';
  return recursive && KEY_DIRS.test(path) ? 'a directory of private keys' : undefined;
}
