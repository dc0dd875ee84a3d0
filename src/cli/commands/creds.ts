import type { Command } from 'commander';

export function registerCreds(program: Command): void {
  const creds = program
    .command('creds')
    .description(
      'The credentials the agent inherits: what they reach, how powerful they look (never a secret)',
    );
  creds
    .command('scan')
    .description(
      'List every credential this shell can reach (variables and files of the home directory); exit 6 when one reaches production',
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { runCredsScan } = await import('../creds.js');
      process.exitCode = runCredsScan(options);
    });
}
