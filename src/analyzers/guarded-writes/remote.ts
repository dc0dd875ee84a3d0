import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { judgeAll } from './judge.js';
import { writtenTargets } from './tools.js';

/** What a remote command's relative or `~` paths are never read as: none of them is this machine's. */
export const REMOTE_CONTEXT = {
  cwd: '/nonexistent-remote-cwd',
  home: '/nonexistent-remote-home',
  userConfigDir: '/nonexistent',
};

/**
 * On another machine (ssh, kubectl exec) the paths are not this user's files, so nothing that guards the
 * agent is reached; but that machine's own system files are its system: `ssh prod 'sudo sed -i … /etc/ssh/sshd_config'`
 * rewrites how prod lets people in. Only absolute paths are judged, as system files. (Shared with overwrites.ts,
 * which leaves these to it.)
 */
export function remoteSystemWrites(inv: Invocation): Effect[] {
  const targets = writtenTargets(inv.name, inv.args).filter((t) => t.path.startsWith('/'));
  return judgeAll(targets, REMOTE_CONTEXT, inv.name).filter((e) => e.category === 'system');
}
