import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function storeOptions(cmd: Command): Command {
  return cmd
    .option(
      '--database <url|path>',
      'the log to read: a SQLite file or postgres://… (default: the local decision log)',
    )
    .option('--server', "the approval server's log on this host (the database `interlock serve` opens)");
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('The tamper-evident audit log: verify it, query it, show who stands behind an entry');
  storeOptions(
    audit
      .command('verify')
      .description(
        `Re-walk the hash chain and the signed checkpoints; report the first broken entry (exit ${EXIT_CODES.failed})`,
      ),
  )
    .option('--from <seq>', 'check from this entry on (starting at the signed checkpoint before it)')
    .option(
      '--keyring <file>',
      'public keys to check checkpoint signatures with (default: next to the signing key)',
    )
    .option('--key <file>', 'the signing key whose directory holds the keyring and witness files')
    .option(
      '--allow-no-witness',
      "accept a local log with no approval server to hold it against (this machine's own evidence only)",
    )
    .option('--json', 'machine-readable report')
    .action(async (options) => {
      const { runAuditVerify } = await import('../audit-verify.js');
      process.exitCode = await runAuditVerify(options);
    });
  storeOptions(
    audit
      .command('log')
      .description('List entries as a table, or export them as JSON lines (--json) for a SIEM'),
  )
    .option('--since <time>', 'from this time: ISO date/time, or a duration back from now (2h, 7d)')
    .option('--until <time>', 'up to this time')
    .option('--agent <name>', 'entries of this agent (or actor)')
    .option('--env <environment>', 'production, non-production or unknown')
    .option('--outcome <outcome>', 'allow, ask, require-approval, deny or pending')
    .option(
      '--type <type>',
      'entry type (decision, approval, request.created, freeze, execution, …); repeatable',
      collect,
    )
    .option('--limit <n>', 'at most this many entries (table default 100, the newest; 0: all)')
    .option('--json', 'one JSON object per line (JSONL), every matching entry')
    .action(async (options) => {
      const { runAuditLog } = await import('../audit-log.js');
      process.exitCode = await runAuditLog(options);
    });
  storeOptions(
    audit
      .command('show')
      .description('Who stands behind an entry: agent, human, policies, approvers, what ran')
      .argument('<id>', 'an entry number, or an approval request id (req_…)'),
  )
    .option('--json', 'machine-readable output')
    .action(async (id: string, options) => {
      const { runAuditShow } = await import('../audit-show.js');
      process.exitCode = await runAuditShow(id, options);
    });
  storeOptions(
    audit.command('checkpoint').description('Sign the newest entry now with the audit signing key'),
  )
    .option('--key <file>', 'the signing key (default: INTERLOCK_AUDIT_KEY or the user config dir)')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { runAuditCheckpoint } = await import('../audit-verify.js');
      process.exitCode = await runAuditCheckpoint(options);
    });
}
