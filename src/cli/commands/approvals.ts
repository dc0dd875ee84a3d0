import type { Command } from 'commander';

export function registerApprovals(program: Command): void {
  const approvals = program
    .command('approvals')
    .description('Review and decide peer approval requests (INTERLOCK_SERVER_URL + INTERLOCK_TOKEN)');
  approvals
    .command('list')
    .description('Open requests (pending or approved, not yet used), newest first')
    .option('--all', 'every state')
    .option(
      '--state <states>',
      'these states, comma-separated (pending, approved, denied, expired, cancelled, consumed)',
    )
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { approvalsList } = await import('../approvals.js');
      process.exitCode = await approvalsList(options);
    });
  approvals
    .command('show')
    .description(
      'What a request would do: effects, environment, blast radius, the policy that asked, the votes',
    )
    .argument('<id>')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options) => {
      const { approvalsShow } = await import('../approvals.js');
      process.exitCode = await approvalsShow(id, options);
    });
  approvals
    .command('approve')
    .description('Approve a request (you cannot approve your own, or your agent’s)')
    .argument('<id>')
    .option('--comment <text>', 'a note kept with your approval')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options) => {
      const { approvalsVote } = await import('../approvals.js');
      process.exitCode = await approvalsVote('approve', id, options);
    });
  approvals
    .command('deny')
    .description('Deny a request (or withdraw an approval that was not used yet)')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why: the agent and its user read it')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options) => {
      const { approvalsVote } = await import('../approvals.js');
      process.exitCode = await approvalsVote('deny', id, options);
    });
  approvals
    .command('cancel')
    .description('Withdraw your own request (or your agent’s)')
    .argument('<id>')
    .option('--reason <text>', 'why')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options) => {
      const { approvalsVote } = await import('../approvals.js');
      process.exitCode = await approvalsVote('cancel', id, options);
    });
  approvals
    .command('status')
    .description('The server, who you are, freezes, and how many requests wait')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { approvalsStatus } = await import('../approvals.js');
      process.exitCode = await approvalsStatus(options);
    });
}
