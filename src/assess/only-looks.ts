import type { Word } from '../shell/words.js';
import { commandName } from '../shell/wrappers.js';

// What an operator types on a production machine to look before touching it: `pm2 status`, `supervisorctl
// status`, `java -version`, `less /var/log/app.log`, `openssl x509 -in cert.pem -noout -dates`. An
// unrecognised program is unverifiable in production, but one that says in its own words only that it looks
// (one read subcommand and nothing else, or only a version or help flag) is not denied for it; nor are the
// pagers, manuals, certificate tools, network probes and database dumps that only read, and a directory or
// an empty file made in scratch space or below the working directory (`mkdir -p /tmp/diag`).

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
]);
/**
 * What may follow a read subcommand and keep it reading (`pm2 logs api --lines 100`): names and numbers
 * without a path, and options that only shape what is shown. Anything else (`--output FILE`, `--reset`, a
 * path) and the command is not taken at its first word.
 */
const NAME_OR_NUMBER = /^[\w.:@-]+$/;
const SHOWING_OPTIONS =
  /^--?(lines|tail|n|since|until|json|format|follow|f|all|a|l|long|v|verbose|w|wide|raw|no-color|nostream|limit|last|pretty|q|quiet|human|h|namespace|watch)(=[\w.:-]+)?$/;
const SCRATCH = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const MAKES_SCRATCH = new Set(['touch', 'mkdir', 'mktemp']);

/** A path in scratch space that does not climb out of it. */
const scratchPath = (path: string) => SCRATCH.test(path) && !path.split('/').includes('..');

/** The file of a clustered `-w` (`-nwFILE`, `-nw FILE`), in scratch space. */
function scratchValue(flag: Word, next: Word | undefined): boolean {
  const attached = flag.value.slice(flag.value.indexOf('w') + 1);
  return scratchPath(attached || next?.value || '');
}
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
  ['sar', /^-[a-zA-Z]*o/],
  ['tcpdump', /^-[a-zA-Z]*[zZCW]/],
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
  // A capture saved to scratch space (`tcpdump -w /tmp/diag/web.pcap`, `-nw …`) is still looking.
  if (
    name === 'tcpdump' &&
    !args.every((w, i) => !/^-[a-zA-Z]*w/.test(w.value) || scratchValue(w, args[i + 1]))
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
  // A directory or an empty file in scratch space or below the working directory changes nothing anyone
  // uses (elsewhere a directory can: /etc/nologin locks logins out, a conf.d/*.conf one breaks a reload).
  if (MAKES_SCRATCH.has(name)) {
    const paths = args.filter((w) => !w.value.startsWith('-'));
    // `mktemp`, `mktemp -d`: a new name under /tmp.
    if (name === 'mktemp' && paths.length === 0) return args.every((w) => /^-[dqu]+$/.test(w.value));
    return (
      paths.length > 0 &&
      paths.every(
        (w) => scratchPath(w.value) || (/^[\w.-]+(\/[\w.-]+)*$/.test(w.value) && !w.value.includes('..')),
      )
    );
  }
  if (args.length === 0) return false; // a bare program may be an interactive console, or act by default
  if (args.every((w) => VERSION_OR_HELP.test(w.value))) return true;
  // One read subcommand (`pm2 status`), or one followed by names and options that do not act (`pm2 logs
  // api --lines 100`).
  return (
    READ_SUBCOMMANDS.has(args[0]!.value) &&
    args
      .slice(1)
      .every(
        (w) => (NAME_OR_NUMBER.test(w.value) && !w.value.startsWith('-')) || SHOWING_OPTIONS.test(w.value),
      )
  );
}
