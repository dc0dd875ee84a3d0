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
/** Only a version or help flag (`-v` and `-h` are verbose and host for too many tools to count). */
const VERSION_OR_HELP = /^(-V|--version|-version|version|--help|-help|help)$/;
/** Programs that only read, whatever they are given, unless an option below makes them write or run one. */
const INSPECTORS: ReadonlyMap<string, RegExp | undefined> = new Map([
  ['less', undefined],
  ['more', undefined],
  ['most', undefined],
  ['zcat', undefined],
  ['zless', undefined],
  ['zgrep', undefined],
  ['tldr', undefined],
  ['getent', undefined],
  ['ping', undefined],
  ['man', /^(-P|--pager|-H|--html)/],
  ['openssl', /^(s_client|-out|-keyout|enc)$/],
  ['pg_dump', /^(-f|--file)/],
  ['pg_dumpall', /^(-f|--file)/],
  ['mysqldump', /^(-r|--result-file)/],
  ['mongodump', undefined],
]);
/** A program's own read forms: `dpkg -l`, `rpm -qa`, `nginx -t`, `certbot certificates`, `apt list`. */
const READ_FORMS: ReadonlyMap<string, RegExp> = new Map([
  ['dpkg', /^(-l|-L|-s|-S|--list|--listfiles|--status|--search|--get-selections)$/],
  ['rpm', /^-q[a-zA-Z]*$/],
  ['apt', /^(list|show|policy|search)$/],
  ['apt-cache', /^(show|policy|search|depends|rdepends|madison)$/],
  ['nginx', /^(-t|-T|-v|-V)$/],
  ['certbot', /^certificates$/],
  ['ip', /^(a|addr|address|r|route|l|link|n|neigh|-br|-s|-4|-6)$/],
]);

/** Words after a read form that make it change something (`ip addr add …`, `ip route flush`). */
const CHANGES = /^(add|del|delete|set|flush|change|replace|append|prepend)$/;

/**
 * Whether the command says it only looks, as far as its words can tell. A program written as a path (a
 * script the agent may have written) or run with variables set (`PATH=…`, `LD_PRELOAD=…`) never does.
 */
export function onlyLooks(argv: readonly Word[], assigned: boolean): boolean {
  const [program, ...args] = argv;
  if (!program || program.dynamic || assigned || program.value.includes('/') || args.some((w) => w.dynamic))
    return false;
  const name = commandName(program);
  if (INSPECTORS.has(name)) {
    const writes = INSPECTORS.get(name);
    return !writes || !args.some((w) => writes.test(w.value));
  }
  const form = READ_FORMS.get(name);
  if (form) {
    const [first, ...rest] = args;
    return first !== undefined && form.test(first.value) && !rest.some((w) => CHANGES.test(w.value));
  }
  if (args.length === 0) return false; // a bare program may be an interactive console, or act by default
  if (args.every((w) => VERSION_OR_HELP.test(w.value))) return true;
  return args.length === 1 && READ_SUBCOMMANDS.has(args[0]!.value);
}
