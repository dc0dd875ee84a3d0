import type { Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description("Create, list and revoke the approval server's tokens (run where the server's database is)");
  token
    .command('create')
    .description('Create a token for an agent or a human; it is printed once and stored hashed')
    .option('--agent <name>', 'a token for this agent')
    .option('--acts-for <human>', 'the human the agent acts for (they can never approve its requests)')
    .option('--human <name>', 'a token for this person')
    .option('--group <group>', 'a group the human belongs to (repeat for several)', collect)
    .option(
      '--slack-user <id>',
      "the human's Slack user id (U…): their Approve/Deny buttons in Slack act as them",
    )
    .option('--database <url|path>', 'the server database (default as for `interlock serve`)')
    .option('--json', 'print {token, id, kind, name, groups}')
    .action(async (options) => {
      const { tokenCreate } = await import('../token.js');
      process.exitCode = await tokenCreate(options);
    });
  token
    .command('list')
    .description('List tokens (never the tokens themselves)')
    .option('--database <url|path>', 'the server database')
    .option('--json', 'machine-readable output')
    .action(async (options) => {
      const { tokenList } = await import('../token.js');
      process.exitCode = await tokenList(options);
    });
  token
    .command('revoke')
    .description('Revoke a token by id, or every token of a name')
    .argument('<id-or-name>')
    .option('--database <url|path>', 'the server database')
    .action(async (idOrName: string, options) => {
      const { tokenRevoke } = await import('../token.js');
      process.exitCode = await tokenRevoke(idOrName, options);
    });
}
