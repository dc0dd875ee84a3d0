// A second live token for a Slack user breaks the unique index `identities_one_per_slack_user`. Two
// `token create --slack-user` at once both pass the friendly check before inserting; the loser's insert
// then fails in the database, and each store turns that into this one error instead of the driver's own.

export class SlackUserTakenError extends Error {
  readonly code = 'slack-user-taken';
  constructor(readonly slackUser: string) {
    super(
      `Slack user ${slackUser} already acts as another live token; a Slack user maps to one person. \`interlock token list\` shows which; revoke it first (interlock token revoke ID) if the mapping is wrong.`,
    );
  }
}

/** Whether a driver's error is that index refusing a row (SQLite's message, PostgreSQL's constraint name). */
export function isSlackUserConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return e.constraint === 'identities_one_per_slack_user';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    /identities\.slack_user/.test(e.message ?? '')
  );
}
