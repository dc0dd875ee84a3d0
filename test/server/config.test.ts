import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverConnection } from '../../src/approvals/settings.js';
import { parseDuration } from '../../src/approvals/duration.js';
import { loadConfig } from '../../src/config/load.js';
import { serveSettings, webhookUrlProblem } from '../../src/server/config.js';
import { defaultDatabasePath } from '../../src/store/open.js';
import { parsePostgresUrl } from '../../src/store/postgres.js';
import { tempTree } from '../support/tmp.js';

const load = (files: Record<string, string>) => {
  const root = tempTree(files);
  return loadConfig(join(root, 'proj'), { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') });
};

describe('server settings', () => {
  it("take the Slack signing secret from the environment, or a file named by the user's config, never a project's", () => {
    const config = load({
      'xdg/interlock/config.yaml': 'server:\n  slackSigningSecretFile: /etc/interlock/slack.secret\n',
      'proj/.interlock/config.yaml': 'server:\n  slackSigningSecretFile: /tmp/agent-wrote-this\n',
    });
    expect(serveSettings(config, {})).toMatchObject({
      slackSigningSecretFile: '/etc/interlock/slack.secret',
    });
    const projectOnly = load({
      'proj/.interlock/config.yaml': 'server:\n  slackSigningSecretFile: /tmp/agent-wrote-this\n',
    });
    expect(serveSettings(projectOnly, {}).slackSigningSecretFile).toBeUndefined();
    expect(serveSettings(config, { INTERLOCK_SLACK_SIGNING_SECRET: ' s3cret ' })).toMatchObject({
      slackSigningSecret: 's3cret',
    });
    expect(
      serveSettings(config, { INTERLOCK_SLACK_SIGNING_SECRET: 's3cret' }).slackSigningSecretFile,
    ).toBeUndefined();
  });

  it("come from the user's config.yaml, never a project's, environment variables winning", () => {
    const config = load({
      'xdg/interlock/config.yaml':
        'server:\n  databaseUrl: postgres://db/interlock\n  circuitBreaker:\n    maxDestructive: 5\n',
      'proj/.interlock/config.yaml':
        'approvals:\n  expiry: 30m\nserver:\n  url: http://approvals.internal:47812\n  circuitBreaker:\n    windowMinutes: 2\n',
    });
    // The project's approvals.expiry is shorter (lower tiers may tighten it); its server: keys are ignored.
    expect(serveSettings(config, {})).toEqual({
      database: 'postgres://db/interlock',
      expiryMs: 30 * 60_000,
      breaker: { maxDestructive: 5, windowMs: 10 * 60_000 },
      ignored: [
        expect.stringMatching(/^project tried server\.url \(.*proj\/\.interlock\/config\.yaml\)/),
        expect.stringMatching(/^project tried server\.circuitBreaker .*the agent can edit/),
      ],
    });
    expect(
      serveSettings(config, {
        INTERLOCK_DATABASE_URL: '/srv/x.db',
        INTERLOCK_WEBHOOK_URL: 'https://hooks/x',
      }),
    ).toMatchObject({
      database: '/srv/x.db',
      webhookUrl: 'https://hooks/x',
    });
    // A project's server.url is never used to reach a server: the agent can edit the project's files.
    expect(serverConnection({ INTERLOCK_TOKEN: 't' }, config)).toBeUndefined();
    const user = load({ 'xdg/interlock/config.yaml': 'server:\n  url: http://approvals.internal:47812\n' });
    expect(serverConnection({ INTERLOCK_TOKEN: 't' }, user)).toEqual({
      url: 'http://approvals.internal:47812',
      token: 't',
    });
    expect(
      serverConnection({ INTERLOCK_TOKEN: 't', INTERLOCK_SERVER_URL: 'http://127.0.0.1:1' }, config),
    ).toEqual({
      url: 'http://127.0.0.1:1',
      token: 't',
    });
    expect(serverConnection({}, user)).toMatchObject({
      error: expect.stringMatching(/INTERLOCK_TOKEN is not set/),
    });
    expect(serverConnection({}, undefined)).toBeUndefined();
  });

  it("take the managed tier's over the user's, key by key", () => {
    const root = tempTree({
      'managed/config.yaml':
        'server:\n  databaseUrl: postgres://managed/db\n  circuitBreaker:\n    windowMinutes: 3\n',
      'xdg/interlock/config.yaml':
        'server:\n  databaseUrl: /home/u/x.db\n  webhookUrl: https://hooks.example/u\n  circuitBreaker:\n    maxDestructive: 4\n',
    });
    const config = loadConfig(
      join(root, 'proj'),
      { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') },
      { managedDir: join(root, 'managed') },
    );
    expect(serveSettings(config, {})).toEqual({
      database: 'postgres://managed/db',
      webhookUrl: 'https://hooks.example/u',
      expiryMs: 3_600_000,
      breaker: { maxDestructive: 4, windowMs: 3 * 60_000 },
    });
  });

  it('refuse a webhook URL from a flag or the environment that is not http(s), saying where to fix it', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T/B/x')).toBeUndefined();
    expect(webhookUrlProblem('file:///etc/passwd')).toMatch(
      /the webhook URL "file:\/\/\/etc\/passwd" is not an http\(s\) URL: .*--webhook, INTERLOCK_WEBHOOK_URL/,
    );
    expect(webhookUrlProblem('hooks.slack.com/x')).toMatch(/not an http\(s\) URL/);
  });

  it('defaults: an hour, 20 destructive actions in 10 minutes, a SQLite file under XDG_DATA_HOME', () => {
    expect(serveSettings(undefined, {})).toEqual({
      expiryMs: 3_600_000,
      breaker: { maxDestructive: 20, windowMs: 600_000 },
    });
    expect(defaultDatabasePath({ XDG_DATA_HOME: '/d' })).toBe('/d/interlock/server.db');
    expect(defaultDatabasePath({ HOME: '/h' })).toBe('/h/.local/share/interlock/server.db');
  });

  it('reject a bad server section with the file, the line and the key', () => {
    expect(() => load({ 'proj/.interlock/config.yaml': 'server:\n  url: ftp://x\n' })).toThrow(
      /config\.yaml:2: server\.url: use an http\(s\) URL/,
    );
    expect(() => load({ 'proj/.interlock/config.yaml': 'server:\n  token: abc\n' })).toThrow(/server.*token/);
  });

  it('parse durations and PostgreSQL URLs', () => {
    expect([
      parseDuration('5m'),
      parseDuration('90s'),
      parseDuration('2h'),
      parseDuration('250ms'),
      parseDuration('10'),
    ]).toEqual([300_000, 90_000, 7_200_000, 250, 10_000]);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parsePostgresUrl('postgres://u:secret@h:5432/db?schema=s1&sslmode=disable')).toEqual({
      connectionString: 'postgres://u:secret@h:5432/db?sslmode=disable',
      schema: 's1',
      safe: 'postgres://u:***@h:5432/db?sslmode=disable',
    });
  });
});
