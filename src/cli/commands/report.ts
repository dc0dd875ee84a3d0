import type { Command } from 'commander';

export function registerReport(program: Command): void {
  const report = program.command('report').description('Reports built from the audit log');
  report
    .command('incident')
    .description(
      'A Correction-of-Error report of a time window: timeline, who proposed, policy, approvals, execution, log verification',
    )
    .requiredOption('--since <time>', 'start of the window: ISO date/time, or a duration back from now (6h)')
    .option('--until <time>', 'end of the window (default now)')
    .option('--env <environment>', 'only actions in this environment (production, non-production, unknown)')
    .option('--title <text>', 'the report title')
    .option('--out <file.md>', 'write Markdown here, and a self-contained HTML copy next to it (.html)')
    .option('--html <file.html>', 'write the HTML here')
    .option('--database <url|path>', 'the log to read (default: the local decision log)')
    .option('--server', "the approval server's log on this host")
    .option('--keyring <file>', 'public keys to verify checkpoints with')
    .action(async (options) => {
      const { runIncidentReport } = await import('../audit-report.js');
      process.exitCode = await runIncidentReport(options);
    });
}
