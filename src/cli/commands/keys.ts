import type { Command } from 'commander';

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('The Ed25519 key that signs audit checkpoints (kept in a 0600 file, never in the database)');
  const common = (cmd: Command) =>
    cmd
      .option(
        '--key <file>',
        'the private key file (default: INTERLOCK_AUDIT_KEY, or ~/.config/interlock/audit/signing-key.pem)',
      )
      .option('--keyring <file>', 'the public keyring (default: keyring.json next to the key)')
      .option('--json', 'machine-readable output');
  common(keys.command('init').description('Create the signing key and its public keyring')).action(
    async (options) => {
      const { runKeysInit } = await import('../audit-keys.js');
      process.exitCode = await runKeysInit(options);
    },
  );
  common(keys.command('show').description('Show the signing key id and the keyring'))
    .option('--print-keyring', 'print the keyring file itself (public keys), to copy to verifiers')
    .action(async (options) => {
      const { runKeysShow } = await import('../audit-keys.js');
      process.exitCode = await runKeysShow(options);
    });
  common(
    keys.command('rotate').description('Replace the signing key; keep its public key for old checkpoints'),
  ).action(async (options) => {
    const { runKeysRotate } = await import('../audit-keys.js');
    process.exitCode = await runKeysRotate(options);
  });
}
