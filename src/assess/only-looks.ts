import type { Word } from '../shell/words.js';
import { commandName } from '../shell/wrappers.js';

// What an operator types on a production machine to look before touching it: `pm2 status`, `supervisorctl
// status`, `java -version`, `less /var/log/app.log`, `openssl x509 -in cert.pem -noout -dates`. An
// unrecognised program is unverifiable in production, but one that says in its own words only that it looks
// (one read subcommand and nothing else, or only a version or help flag) is not denied for it; nor are the
// pagers, manuals, certificate tools, network probes and database dumps that only read, a new directory
// (`mkdir -p /tmp/diag`) and an empty file in scratch space.

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
  'describe',
  'inspect',
  'stats',
  'get',
]);
/**
 * Words after a read subcommand that make it do something else (`pm2 status app` looks, `mytool status
 * --reset` may not): then the command is not taken at its first word.
 */
const ACTS =
  /(delete|remove|^rm$|purge|drop|destroy|reset|kill|stop|restart|reload|clean|flush|truncate|wipe|force|apply|^set$|write|update|prune|--fix|exec|run)/i;
/** Scratch space on any machine: an empty file made there changes nothing anyone uses. */
const SCRATCH = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const MAKES_SCRATCH = new Set(['touch']);
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
  ['traceroute', undefined],
  ['tracepath', undefined],
  ['mtr', undefined],
  ['sar', /^-o/],
  ['tcpdump', /^(-z|-Z|-C|-W)/],
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
  // A capture saved to scratch space (`tcpdump -w /tmp/diag/web.pcap`) is still looking.
  if (
    name === 'tcpdump' &&
    args.some((w, i) => /^-w/.test(w.value) && !SCRATCH.test(w.value.slice(2) || (args[i + 1]?.value ?? '')))
  )
    return false;
  if (INSPECTORS.has(name)) {
    const writes = INSPECTORS.get(name);
    return !writes || !args.some((w) => writes.test(w.value));
  }
  const form = READ_FORMS.get(name);
  if (form) {
    const [first, ...rest] = args;
    return first !== undefined && form.test(first.value) && !rest.some((w) => CHANGES.test(w.value));
  }
  // A new directory destroys nothing wherever it is made (mkdir refuses to replace a file).
  if (name === 'mkdir' || name === 'mktemp') return args.length > 0 || name === 'mktemp';
  if (MAKES_SCRATCH.has(name)) {
    const paths = args.filter((w) => !w.value.startsWith('-'));
    return paths.length > 0 && paths.every((w) => SCRATCH.test(w.value) && !w.value.includes('..'));
  }
  if (args.length === 0) return false; // a bare program may be an interactive console, or act by default
  if (args.every((w) => VERSION_OR_HELP.test(w.value))) return true;
  // One read subcommand (`pm2 status`), or one followed by names and options that do not act (`pm2 logs
  // api --lines 100`).
  return READ_SUBCOMMANDS.has(args[0]!.value) && !args.slice(1).some((w) => ACTS.test(w.value));
}
