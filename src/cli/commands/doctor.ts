import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';
import { existingDirectory } from '../options.js';

interface DoctorCliOptions {
  json?: boolean;
  dir?: string;
  selfTest?: boolean;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'For each agent on this machine: is the Interlock hook installed, and does it answer? (runs a self-test)',
    )
    .option(
      '--dir <dir>',
      'project directory whose settings to check too (default: current)',
      existingDirectory,
    )
    .option('--no-self-test', 'only report what is installed')
    .option('--json', 'machine-readable output')
    .action(async (options: DoctorCliOptions) => {
      const [{ doctor, unhealthy }, { daemonHealth }, { isolation }, { credentialsSection }, mcp] =
        await Promise.all([
          import('../../adapters/hooks/doctor.js'),
          import('../../daemon/client.js'),
          import('../isolation.js'),
          import('../creds.js'),
          import('../../adapters/mcp/doctor.js'),
        ]);
      const mode = isolation(process.env);
      const scratch = mkdtempSync(join(tmpdir(), 'interlock-doctor-'));
      try {
        const reports = await doctor({
          home: process.env.HOME || homedir(),
          project: options.dir ?? process.cwd(),
          env: process.env,
          scratch,
          noSelfTest: options.selfTest === false,
        });
        const daemon = await daemonHealth(process.env);
        // Shown, not judged: doctor's exit code stays about the hooks, which see every MCP call too.
        const mcpServers = mcp.mcpServersReports({
          home: process.env.HOME || homedir(),
          dir: options.dir ?? process.cwd(),
        });
        const bad = reports.some(unhealthy);
        // What the agent inherited is shown, not judged: doctor's exit code stays about the hooks.
        const credentials = credentialsSection(process.env, options.dir ?? process.cwd(), process.stdout);
        if (options.json) {
          const strip = reports.map((r) => ({
            ...r,
            installed: r.installed.map(({ handler: _handler, ...rest }) => rest),
          }));
          process.stdout.write(
            `${JSON.stringify({ ok: !bad, mode, agents: strip, daemon: 'health' in daemon ? { running: true, ...daemon.health, port: daemon.state.port } : { running: false, reason: daemon.unavailable }, credentials: credentials.json, mcpServers })}\n`,
          );
        } else {
          const lines: string[] = [];
          for (const r of reports) {
            const status = r.found.length ? `found (${r.found.join(', ')})` : 'not found on this machine';
            lines.push(`${r.name}: ${status}`);
            if (r.installed.length === 0 && (r.found.length || r.problems.length))
              lines.push(`  hook: not installed — interlock init --agent ${r.agent}`);
            for (const h of r.installed) lines.push(`  hook: ${h.kind} in ${h.file}`);
            for (const t of r.selfTests)
              lines.push(`  self-test: ${t.test.ok ? 'ok' : 'FAILED'} — ${t.test.detail}`);
            for (const h of r.postTool)
              lines.push(`  post-tool hook (records what ran): ${h.event} in ${h.file}`);
            if (r.installed.length && !r.postTool.length)
              lines.push(
                `  post-tool hook: not installed, executions are not recorded — interlock init --agent ${r.agent}`,
              );
            for (const p of r.problems) lines.push(`  problem: ${p}`);
            for (const m of mcpServers.filter((m) => m.agent === r.agent))
              lines.push(...mcp.mcpServersLines(m));
          }
          lines.push(
            'health' in daemon
              ? `Daemon: running (pid ${daemon.health.pid}, port ${daemon.state.port}, ${daemon.health.requests} calls answered)`
              : `Daemon: not running (${daemon.unavailable}); hooks decide in their own process`,
          );
          lines.push(`Mode: ${mode.summary}${mode.fix ? `\n  fix: ${mode.fix}` : ''}`);
          lines.push(...credentials.lines);
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        process.exitCode = bad ? EXIT_CODES.failed : EXIT_CODES.ok;
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
}
