import type { EnvironmentHint } from '../core/types.js';
import { RSYNC_VALUE } from './cli-options/copies.js';
import type { SimpleCommand } from './extract.js';
import { optionValue, parseOptions } from './options.js';
import type { Word } from './words.js';

// rsync starts its peer on the remote host through the remote shell, as the `--rsync-path` program:
// `rsync --rsync-path='sudo rm -rf /srv/www && rsync' -a dist/ web-prod:/srv/www/` has web-prod's shell run
// `sudo rm -rf /srv/www && rsync --server …`. That text is a script run on the remote host.

/** `[user@]host:path` (not `host::module`, a daemon that runs no shell): the host. */
function shellHost(w: Word): string | undefined {
  if (w.dynamic) return undefined;
  const url = /^(?:scp|sftp):\/\/(?:[^@/]+@)?([^/:]+)/.exec(w.value);
  if (url) return url[1];
  return /^(?:[^@/:]+@)?([^/:]+):(?!:)/.exec(w.value)?.[1];
}

/** The remote script of an rsync call's `--rsync-path`, with the host it runs on; undefined when none. */
export function rsyncRemoteScript(
  cmd: SimpleCommand,
): { text: string; dynamic: boolean; host: string; hints: EnvironmentHint[] } | undefined {
  const args = cmd.argv.slice(1);
  const parsed = parseOptions(args, { withValue: RSYNC_VALUE });
  const program = optionValue(parsed, '--rsync-path');
  if (program === undefined) return undefined;
  const at = args.findIndex((w) => w.value.startsWith('--rsync-path'));
  const written = args[at]?.value.includes('=') ? args[at] : args[at + 1];
  const host = parsed.positionals.map(shellHost).find((h) => h !== undefined);
  if (!host) return undefined; // a local copy starts no remote peer
  return {
    text: program,
    dynamic: written?.dynamic ?? true,
    host,
    hints: [{ source: 'rsync host', value: host }],
  };
}
