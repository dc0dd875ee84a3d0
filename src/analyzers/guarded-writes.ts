import type { ActionFacts, Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { tarTargets, unzipTargets } from './guarded-writes/archives.js';
import { judgeAll, onlyStateAt, sensitiveContext, type Target } from './guarded-writes/judge.js';
import { possibleLandings } from './guarded-writes/landing.js';
import { withMembers } from './guarded-writes/members.js';
import { remoteSystemWrites } from './guarded-writes/remote.js';
import { permissionTargets, writtenTargets } from './guarded-writes/tools.js';
import { sensitiveFile } from './sensitive-files.js';

// Writes through the shell to the files that guard the agent (Interlock's configuration, policies and
// caches; the agent's own hook settings), run later, outside it (shell startup files, git hooks), or that
// the machine runs on (/etc, /usr): by whatever tool writes them, not only `>`. `echo '{}' >
// ~/.claude/settings.json`, `cp x ~/.claude/settings.json`, `tar -xf x.tar` in the project (when the archive
// holds `.interlock/`: its members are listed at the edge) and `mv .interlock x` switch the guard off alike, so they are one effect, judged by
// the same policies (the hooks build it for the file tools in engine.ts). `cp .env.example .env` stays
// everyday work: credentials count only where they let people in (authorized_keys).

/** Redirections write only what guards the agent here; system files written by `>` are rated by paths.ts. */
const GUARDED_BY_REDIRECT = new Set(['interlock-config', 'agent-hooks', 'startup-script']);

/** The effect of writing `rawPath` through a redirection, when it is a guarded file; undefined otherwise. */
export function guardedWrite(
  rawPath: string,
  facts: ActionFacts,
  tool: string,
  verb: string,
): Effect | undefined {
  const file = sensitiveFile(rawPath, sensitiveContext(facts));
  if (!file || !GUARDED_BY_REDIRECT.has(file.category)) return undefined;
  return {
    operation: 'modify',
    tool,
    target: file.path,
    reversible: false,
    risk: file.risk,
    reason: `${verb} ${file.path}: ${file.why}`,
    category: file.category,
  };
}

const ARCHIVERS = new Map<string, (args: Invocation['args']) => Target[]>([
  ['tar', tarTargets],
  ['gtar', tarTargets],
  ['bsdtar', tarTargets],
  ['unzip', unzipTargets],
]);
const PERMISSIONS = ['chmod', 'chown', 'chgrp'];

/**
 * Who may read or change the Interlock configuration or hook settings: not a rewrite, but enough to lock
 * Interlock out of its policies or let others edit them. System paths are files.ts's (`chmod -R /etc`).
 */
function permissionEffects(inv: Invocation): Effect[] {
  return judgeAll(permissionTargets(inv.name, inv.args), sensitiveContext(inv.facts), inv.name)
    .filter((e) => e.category === 'interlock-config' || e.category === 'agent-hooks')
    .map((e) => ({ ...e, risk: 'medium', reason: `${inv.name} changes who may read or write ${e.target}` }));
}

export const guardedWritesAnalyzer: Analyzer = {
  family: 'guarded-writes',
  commands: [
    'tee',
    'cp',
    'mv',
    'install',
    'ln',
    'sed',
    'perl',
    'dd',
    'truncate',
    'patch',
    ...ARCHIVERS.keys(),
    ...PERMISSIONS,
  ],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    if (inv.remote)
      return PERMISSIONS.includes(inv.name) || ARCHIVERS.has(inv.name) ? [] : remoteSystemWrites(inv);
    if (PERMISSIONS.includes(inv.name)) return permissionEffects(inv);
    const archiver = ARCHIVERS.get(inv.name);
    const targets = archiver
      ? withMembers(archiver(inv.args), inv.facts)
      : possibleLandings(writtenTargets(inv.name, inv.args), inv.facts, onlyStateAt(inv.facts));
    return judgeAll(targets, sensitiveContext(inv.facts), inv.name);
  },
};
