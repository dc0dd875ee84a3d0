import type { Command } from 'commander';

// `interlock creds …`: the credentials agents work with: what they inherit, and what they would need.

export function registerCreds(program: Command): void {
  const creds = program
    .command('creds')
    .description("Agents' credentials: what they inherit and reach (never a secret), and what they need");
  registerCredsScan(creds);
  registerCredsSuggest(creds);
}

/** `creds scan`: every credential this shell can reach, where it lands and how powerful it looks. */
function registerCredsScan(creds: Command): void {
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

/** `creds suggest`: the narrowest grants that would have covered an agent's allowed actions. */
function registerCredsSuggest(creds: Command): void {
  creds
    .command('suggest')
    .description(
      'The smallest IAM policy, PostgreSQL GRANTs and Kubernetes Role rules covering what an agent was allowed to do (from the audit log)',
    )
    .requiredOption('--agent <name>', 'the agent whose allowed decisions are read')
    .option('--since <time>', 'from this time: ISO date/time, or a duration back from now', '30d')
    .option('--account <id>', 'the AWS account id, for the ARNs (default: `*` in the account field)')
    .option('--role <name>', 'the PostgreSQL role to GRANT to (default: the agent name)')
    .option('--database <url|path>', 'the log to read (default: the local decision log)')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { runCredsSuggest } = await import('../creds-suggest.js');
      process.exitCode = await runCredsSuggest(options);
    });
}
