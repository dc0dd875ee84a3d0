import type { Word } from '../shell/words.js';
import { commandName } from '../shell/wrappers.js';

// What an operator types on a production machine to look before touching it: `pm2 status`, `supervisorctl
// status`, `java -version`, `less /var/log/app.log`, `openssl x509 -in cert.pem -noout -dates`. An
// unrecognised program is unverifiable in production, but one that says in its own words only that it looks
// (one read subcommand and nothing else, or only a version or help flag) is not denied for it; nor are the
// pagers, manuals, certificate tools and database dumps that only read.

const READ_SUBCOMMANDS = new Set([
  'status',
  'list',
  'ls',
  'show',
  'info',
  'version',
  'health',
  'ps',
  'top',
  'logs',
]);
const VERSION_OR_HELP = /^(-v|-V|--version|-version|version|-h|--help|-help|help)$/;
/** Programs that only read, whatever they are given (dumps write only to where their output is sent). */
const INSPECTORS = new Set([
  'less',
  'more',
  'most',
  'man',
  'tldr',
  'openssl',
  'pg_dump',
  'pg_dumpall',
  'mysqldump',
  'mongodump',
  'getent',
]);

/** Whether the command says it only looks, as far as its words can tell. */
export function onlyLooks(argv: readonly Word[]): boolean {
  const [program, ...args] = argv;
  if (!program || program.dynamic || args.some((w) => w.dynamic)) return false;
  if (INSPECTORS.has(commandName(program)))
    return !(commandName(program) === 'openssl' && args[0]?.value === 's_client');
  if (args.length === 0) return false; // a bare program may be an interactive console, or act by default
  if (args.every((w) => VERSION_OR_HELP.test(w.value))) return true;
  return args.length === 1 && READ_SUBCOMMANDS.has(args[0]!.value);
}
