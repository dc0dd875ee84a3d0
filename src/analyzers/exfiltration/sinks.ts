import { RSYNC_VALUE, SCP_VALUE, SSH_VALUE } from '../../shell/cli-options/copies.js';
import { parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import { socketSink } from './sockets.js';

// Programs that send data to another machine and are not HTTP clients (those are the http analyzer's,
// which knows their bodies): what each sends (its stdin, files it is given) and where.

export interface Sink {
  tool: string;
  /** Where the data goes, as written (`203.0.113.5:4444`, `user@host:/tmp/`). */
  destination: string;
  /** The host, when the text names one. */
  host?: string;
  /** It sends what it reads on stdin. */
  stdin: boolean;
  /** Files of this machine it sends (as written). */
  files: string[];
  /** A directory it serves to whoever connects (`python3 -m http.server`), as written. */
  served?: string;
}

/** `[user@]host:path`, `host::module`, `scp://host/…`, `rsync://host/…`: the host of a remote path. */
function remoteHost(w: Word | undefined): string | undefined {
  if (!w || w.dynamic) return undefined;
  const url = /^(?:scp|rsync|sftp):\/\/(?:[^@/]+@)?([^/:]+)/.exec(w.value);
  if (url) return url[1];
  return /^(?:[^@/:]+@)?([^/:]+)::?/.exec(w.value)?.[1];
}

/** scp and rsync: local sources copied onto a remote destination (a download sends nothing). */
function copySink(tool: string, args: readonly Word[], withValue: readonly string[]): Sink | undefined {
  const { positionals } = parseOptions(args, { withValue });
  const last = positionals[positionals.length - 1];
  const host = positionals.length >= 2 ? remoteHost(last) : undefined;
  if (!host || !last) return undefined;
  const files = positionals
    .slice(0, -1)
    .filter((w) => !w.dynamic && !remoteHost(w))
    .map((w) => w.value);
  return { tool, destination: last.value, host, stdin: false, files };
}

/** ssh sends its stdin to the remote command (or shell), unless `-n` gives it /dev/null. */
function sshSink(args: readonly Word[]): Sink | undefined {
  const { options, positionals } = parseOptions(args, { withValue: SSH_VALUE, stopAtFirstPositional: true });
  const target = positionals[0];
  if (!target || target.dynamic || options.has('-n')) return undefined;
  const host = target.value.replace(/^[^@]*@/, '');
  return { tool: 'ssh', destination: host, host, stdin: true, files: [] };
}

const GIST_VALUE = ['-d', '--desc', '-f', '--filename'];

/** `gh gist create [FILE…|-]`: the files (or stdin) become a gist on github.com. */
function gistSink(args: readonly Word[]): Sink {
  const { positionals } = parseOptions(args, { withValue: GIST_VALUE });
  const files = positionals.filter((w) => !w.dynamic && w.value !== '-').map((w) => w.value);
  const stdin = !positionals.length || positionals.some((w) => w.value === '-');
  return { tool: 'gh gist', destination: 'gist.github.com', host: 'gist.github.com', stdin, files };
}

const RELEASE_VALUE = ['-R', '--repo', '-n', '--notes', '-F', '--notes-file', '-t', '--title', '--target'];
const BODY_VALUE = ['-R', '--repo', '-t', '--title', '-b', '--body', '-B', '--base', '-H', '--head'];

/**
 * gh commands that put files of this machine on GitHub: `gist create FILE…`, `release create|upload TAG
 * FILE…` (assets, `file#label`), and a body read from a file (`issue create -F ~/.aws/credentials`).
 */
function ghSink(args: readonly Word[]): Sink | undefined {
  const [group, verb, ...rest] = args.map((w) => w.value);
  const words = args.slice(2);
  if (group === 'gist' && (verb === 'create' || verb === 'new')) return gistSink(words);
  const github = (tool: string, files: string[], stdin = false): Sink | undefined =>
    files.length || stdin ? { tool, destination: 'github.com', host: 'github.com', stdin, files } : undefined;
  if (group === 'release' && (verb === 'create' || verb === 'upload')) {
    const { positionals } = parseOptions(words, { withValue: RELEASE_VALUE });
    const assets = positionals.slice(1).filter((w) => !w.dynamic);
    return github(
      `gh release ${verb}`,
      assets.map((w) => w.value.replace(/#.*$/, '')),
    );
  }
  if (!rest.length || !['issue', 'pr'].includes(group ?? '')) return undefined;
  const { options } = parseOptions(words, { withValue: [...BODY_VALUE, '-F', '--body-file'] });
  const bodies = [...(options.get('-F') ?? []), ...(options.get('--body-file') ?? [])];
  const files = bodies.filter((f) => f && f !== '-');
  return github(`gh ${group} ${verb}`, files, bodies.includes('-'));
}

const MAIL_VALUE = ['-s', '-c', '-b', '-r', '-a', '-A', '-f', '-F', '-i', '-e', '-q', '-S'];

/** mail, mailx, mutt, sendmail: the message (stdin) and attachments go to the recipients. */
function mailSink(tool: string, args: readonly Word[]): Sink | undefined {
  const { options, positionals } = parseOptions(args, { withValue: MAIL_VALUE });
  const recipients = positionals.filter((w) => w.value.includes('@')).map((w) => w.value);
  if (!recipients.length) return undefined;
  const attached =
    tool === 'mutt' ? (options.get('-a') ?? []) : (options.get('-A') ?? options.get('-a') ?? []);
  const host = recipients[0]!.replace(/^.*@/, '');
  return { tool, destination: recipients.join(', '), host, stdin: true, files: attached };
}

const HTTP_SERVER_VALUE = ['-d', '--directory', '-b', '--bind', '-p', '--protocol'];

/** `python3 -m http.server [PORT] [-d DIR] [-b ADDR]`: every file under DIR, to whoever connects. */
function httpServer(tool: string, args: readonly Word[]): Sink | undefined {
  const at = args.findIndex((w) => w.value === '-m');
  if (at < 0 || args[at + 1]?.value !== 'http.server') return undefined;
  const { options, positionals } = parseOptions(args.slice(at + 2), { withValue: HTTP_SERVER_VALUE });
  const served = options.get('-d')?.[0] ?? options.get('--directory')?.[0] ?? '.';
  const bind = options.get('-b')?.[0] ?? options.get('--bind')?.[0];
  const destination = `whoever connects to port ${positionals[0]?.value ?? '8000'}`;
  return {
    tool: `${tool} -m http.server`,
    destination,
    stdin: false,
    files: [],
    served,
    ...(bind ? { host: bind } : {}),
  };
}

/** The command sends data to another machine: what and where; undefined for everything else. */
export function networkSink(name: string, args: readonly Word[]): Sink | undefined {
  switch (name) {
    case 'scp':
      return copySink(name, args, SCP_VALUE);
    case 'rsync':
      return copySink(name, args, RSYNC_VALUE);
    case 'ssh':
      return sshSink(args);
    case 'gh':
      return ghSink(args);
    case 'mail':
    case 'mailx':
    case 'mutt':
    case 'sendmail':
      return mailSink(name, args);
    default:
      return /^python[23]?(\.\d+)?$/.test(name) ? httpServer(name, args) : socketSink(name, args);
  }
}
