import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the peer approval server (HTTP + JSON API; SQLite by default, PostgreSQL for replicas)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port (default 47812; 0 picks a free one)')
    .option(
      '--database <url|path>',
      'postgres://… or a SQLite file (default: INTERLOCK_DATABASE_URL, server.databaseUrl, or ~/.local/share/interlock/server.db)',
    )
    .option(
      '--webhook <url>',
      'Slack-compatible webhook for new and decided requests (default: INTERLOCK_WEBHOOK_URL, server.webhookUrl)',
    )
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM; with --tls-key)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option('--quiet', 'no log on stderr (the same as --log-level silent)')
    .option(
      '--log-level <level>',
      'JSON log level on stderr: trace, debug, info, warn, error, fatal, silent (default: INTERLOCK_LOG_LEVEL, info)',
    )
    .option(
      '--otel-endpoint <url>',
      'send OpenTelemetry traces over OTLP/HTTP to this base URL (default: OTEL_EXPORTER_OTLP_ENDPOINT; off when neither is set)',
    )
    .action(async (options) => {
      const { runServe } = await import('../serve.js');
      process.exitCode = await runServe(options);
    });
}
