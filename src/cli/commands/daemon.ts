import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { EXIT_CODES } from '../../core/exit-codes.js';

interface DaemonCliOptions {
  port?: string;
  host?: string;
  background?: boolean;
  quiet?: boolean;
  json?: boolean;
  idleExit?: string;
  system?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(options: DaemonCliOptions): Promise<number> {
  const { DEFAULT_PORT } = await import('../../daemon/state.js');
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`interlock daemon: --port ${options.port} is not a port number\n`);
    return EXIT_CODES.usage;
  }
  const { daemonHealth } = await import('../../daemon/client.js');
  const running = await daemonHealth(process.env);
  if ('health' in running) {
    process.stdout.write(
      `interlock daemon is already running (pid ${running.health.pid}, port ${running.state.port}).\n`,
    );
    return EXIT_CODES.ok;
  }
  if (options.background) {
    const main = fileURLToPath(new URL('../main.js', import.meta.url));
    const args = [main, 'daemon', 'start', '--port', String(port), '--quiet'];
    if (options.host) args.push('--host', options.host);
    const child = spawn(process.execPath, args, { detached: true, stdio: 'ignore', env: process.env });
    child.unref();
    for (let i = 0; i < 100; i++) {
      await sleep(100);
      const health = await daemonHealth(process.env);
      if ('health' in health && health.state.pid === child.pid) {
        process.stdout.write(
          `interlock daemon started (pid ${child.pid}, http://${health.state.host}:${health.state.port}).\n`,
        );
        return EXIT_CODES.ok;
      }
      if (child.exitCode !== null) break;
    }
    process.stderr.write('interlock daemon: it did not come up; run `interlock daemon start` to see why.\n');
    return EXIT_CODES.internal;
  }
  const idleMinutes = options.idleExit === undefined ? undefined : Number(options.idleExit);
  if (idleMinutes !== undefined && !(idleMinutes > 0)) {
    process.stderr.write(`interlock daemon: --idle-exit ${options.idleExit} is not a number of minutes\n`);
    return EXIT_CODES.usage;
  }
  const [{ startDaemon }, { servedRun }, { servedCli }, { stringEnv }] = await Promise.all([
    import('../../daemon/server.js'),
    import('../run-served.js'),
    import('../cli-served.js'),
    import('../../daemon/forwardable-env.js'),
  ]);
  let leave = () => {};
  const daemon = await startDaemon({
    port,
    ...(options.host ? { host: options.host } : {}),
    log: options.quiet ? undefined : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    ...(idleMinutes ? { idleExitMs: idleMinutes * 60_000, onIdle: () => leave() } : {}),
    // One-shot `check`, `explain`, `plan check` and `policy list` (cli-fast.ts) answered here: no bundle to load in the caller.
    cli: servedCli(),
    // The system daemon runs `interlock run` for agents: the broker's file is only its user's to read.
    ...(options.system ? { system: true, run: servedRun(stringEnv(process.env)) } : {}),
  });
  if (!options.quiet)
    process.stdout.write(
      `interlock daemon listening on ${daemon.url} (pid ${process.pid}); hooks use it while it runs. Claude Code http hook: ${daemon.url}/hooks/claude-code\n`,
    );
  await new Promise<void>((resolve) => {
    const stop = () => void daemon.close().then(resolve);
    leave = stop;
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_CODES.ok;
}

async function status(options: DaemonCliOptions): Promise<number> {
  const { daemonHealth } = await import('../../daemon/client.js');
  const res = await daemonHealth(process.env);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify('health' in res ? { running: true, port: res.state.port, ...res.health } : { running: false, reason: res.unavailable })}\n`,
    );
  } else {
    process.stdout.write(
      'health' in res
        ? `interlock daemon: running (pid ${res.health.pid}, http://${res.state.host}:${res.state.port}, up ${Math.round(res.health.uptimeMs / 1000)} s, ${res.health.requests} calls answered)\n`
        : `interlock daemon: not running (${res.unavailable})\n`,
    );
  }
  return 'health' in res ? EXIT_CODES.ok : EXIT_CODES['not-running'];
}

async function stop(): Promise<number> {
  const [{ readState, stateFile, isAlive, clearState }] = await Promise.all([
    import('../../daemon/state.js'),
  ]);
  const file = stateFile(process.env);
  const state = readState(file);
  if (!state || !isAlive(state.pid)) {
    process.stdout.write('interlock daemon: not running.\n');
    if (state) clearState(file, state.pid);
    return EXIT_CODES.ok;
  }
  process.kill(state.pid, 'SIGTERM');
  for (let i = 0; i < 50 && isAlive(state.pid); i++) await sleep(100);
  if (isAlive(state.pid)) {
    process.stderr.write(`interlock daemon: pid ${state.pid} did not stop.\n`);
    return EXIT_CODES.internal;
  }
  process.stdout.write(`interlock daemon stopped (pid ${state.pid}).\n`);
  return EXIT_CODES.ok;
}

export function registerDaemon(program: Command): void {
  const daemon = program
    .command('daemon')
    .description(
      'Keep parsers and policies loaded so agent hooks answer in milliseconds (loopback HTTP and a Unix socket)',
    )
    // `interlock daemon` alone (or with start's options: `interlock daemon --background`) is `daemon start`.
    .hook('preSubcommand', (self, sub) => {
      // A word that is no subcommand would reach start as an argument: say it is an unknown command.
      const [first] = self.args;
      if (sub.name() === 'start' && first !== undefined && first !== 'start' && !first.startsWith('-'))
        self.error(`unknown command '${first}'; expected start, status or stop`, {
          code: 'commander.unknownCommand',
        });
    });
  daemon
    .command('start', { isDefault: true })
    .description('Start the daemon in the foreground (the default), or detached with --background')
    .option('--port <port>', 'port on 127.0.0.1 (default 47811; 0 picks a free one)')
    .option('--host <host>', 'loopback address to listen on (127.0.0.1 or ::1)')
    .option('--background', 'start detached and return once it answers')
    .option('--quiet', 'no request log')
    .option('--idle-exit <minutes>', 'stop after this many minutes without a call (autostarted daemons: 30)')
    .option(
      '--system',
      "run as Interlock's own user (what `setup --system` starts): a socket every agent's user may call",
    )
    .action(async (options: DaemonCliOptions) => {
      process.exitCode = await start(options);
    });
  daemon
    .command('status')
    .description(
      `Is a daemon running, on which port, how many calls it answered (exit ${EXIT_CODES['not-running']} when none runs)`,
    )
    .option('--json', 'machine-readable output')
    .action(async (options: DaemonCliOptions) => {
      process.exitCode = await status(options);
    });
  daemon
    .command('stop')
    .description('Stop the running daemon')
    .action(async () => {
      process.exitCode = await stop();
    });
}
