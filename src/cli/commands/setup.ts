import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT_CODES } from '../../core/exit-codes.js';

// `interlock setup --system | --user`: where Interlock's own state lives, and so who can switch it off.
//   --user    single-user mode (what `init --agent` does): Interlock runs as the agent's user, which can
//             therefore rewrite everything Interlock trusts. Fine for a laptop; no barrier against the agent.
//   --system  Interlock runs as its own system user; the agent's user can call its daemon and nothing more.

const SetupOptions = z
  .object({
    system: z.boolean().optional(),
    user: z.boolean().optional(),
    agent: z.string().optional(),
    root: z.string().min(1).default('/'),
    serviceUser: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a user name: lower-case letters, digits, - and _')
      .default('interlock'),
    dryRun: z.boolean().optional(),
    start: z.boolean().default(true),
  })
  .refine((o) => !!o.system !== !!o.user, { message: 'choose --system or --user' });

async function setupSystemCommand(o: z.infer<typeof SetupOptions>): Promise<number> {
  if (!o.dryRun && process.getuid?.() !== 0) {
    process.stderr.write(
      'interlock setup --system: must run as root (it creates the interlock user and root-owned directories): sudo interlock setup --system\n',
    );
    return EXIT_CODES.usage;
  }
  const { setupSystem } = await import('../setup/system-setup.js');
  const { ok } = await setupSystem({
    root: resolve(o.root),
    user: o.serviceUser,
    dryRun: o.dryRun === true,
    start: o.start,
    node: process.execPath,
    mainJs: fileURLToPath(new URL('../main.js', import.meta.url)),
    out: (line) => process.stdout.write(`${line}\n`),
  });
  return ok ? EXIT_CODES.ok : EXIT_CODES.internal;
}

async function setupUserCommand(o: z.infer<typeof SetupOptions>): Promise<number> {
  if (!o.agent) {
    process.stderr.write(
      'interlock setup --user: name the agent: --agent claude-code | cursor | gemini | codex\n',
    );
    return EXIT_CODES.usage;
  }
  if (o.dryRun) {
    process.stdout.write(
      `interlock setup --user --dry-run: would run interlock init --agent ${o.agent} (the hook runs as your user; an agent running as your user can switch it off — sudo interlock setup --system prevents that)\n`,
    );
    return EXIT_CODES.ok;
  }
  const { initAgent } = await import('./init.js');
  return initAgent(o.agent, {});
}

export function registerSetup(program: Command): void {
  program
    .command('setup')
    .description(
      'Where Interlock runs: --system as its own user (root; agents cannot switch it off) or --user as yours (init --agent)',
    )
    .option('--system', 'create the interlock user, its directories and daemon (run as root)')
    .option('--user', 'single-user mode: install the hook for --agent, running as you')
    .option('--agent <agent>', 'with --user: claude-code | cursor | gemini | codex')
    .option('--root <dir>', 'install under this prefix instead of / (tests)')
    .option('--service-user <name>', 'the system user to create or reuse (default interlock)')
    .option('--no-start', 'lay out users and files only; do not start the daemon')
    .option('--dry-run', 'print what it would do, change nothing')
    .action(async (raw: unknown) => {
      const parsed = SetupOptions.safeParse(raw);
      if (!parsed.success) {
        process.stderr.write(`interlock setup: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
        process.exitCode = EXIT_CODES.usage;
        return;
      }
      process.exitCode = parsed.data.system
        ? await setupSystemCommand(parsed.data)
        : await setupUserCommand(parsed.data);
    });
}
