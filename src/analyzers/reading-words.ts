// Words a command line uses for looking when it names a subcommand: `list`, `describe`, `pg:info`,
// `get-iam-policy`, `server-list`. A subcommand an administration CLI's table does not list is not
// guessed at when its words say it only looks; any other is an unrecognised call.

/** Subcommands that only show something, or only start or end a session of the CLI. */
const LOOKING = new Set([
  'list',
  'ls',
  'get',
  'describe',
  'show',
  'view',
  'status',
  'info',
  'inspect',
  'logs',
  'log',
  'read',
  'search',
  'find',
  'lookup',
  'whoami',
  'version',
  'help',
  'stats',
  'health',
  'ping',
  'cat',
  'tail',
  'history',
  'diff',
  'check',
  'validate',
  'lint',
  'explain',
  'watch',
  'top',
  'ps',
  'count',
  'exists',
  'verify',
  'doctor',
  'login',
  'logout',
  'completion',
]);

/** A looking word joined to a noun: `list-buckets`, `get-iam-policy`, `server-list`, `apps:info`. */
const JOINED =
  /^(list|get|describe|show|view|read)[-_]|[-_:.](list|ls|get|info|status|show|describe|view|logs?)$/i;

/** Whether a subcommand word says that it only looks (or only logs the CLI in or out). */
export const saysItOnlyLooks = (word: string): boolean =>
  LOOKING.has(word.toLowerCase()) || JOINED.test(word);
