import { systemMode, trustedSystemDaemon } from '../daemon/system-trust.js';

// What `interlock doctor` says about who can switch Interlock off: in single-user mode, anyone running as
// this user, the agent included; in system mode, only root (and the interlock user).

const SYSTEM_SETUP_COMMAND = 'sudo interlock setup --system';

export interface Isolation {
  mode: 'system' | 'single-user';
  /** One sentence for a person. */
  summary: string;
  /** The command that fixes what is wrong, if anything is. */
  fix?: string;
}

export function isolation(env: NodeJS.ProcessEnv = process.env): Isolation {
  const system = systemMode(env);
  if (!system)
    return {
      mode: 'single-user',
      summary:
        'single-user: Interlock runs as your user, so an agent running as this user can switch Interlock off (rewrite its hook settings, announce a fake daemon, edit remembered verdicts, read the audit signing key).',
      fix: SYSTEM_SETUP_COMMAND,
    };
  const daemon = trustedSystemDaemon(system);
  return 'state' in daemon
    ? {
        mode: 'system',
        summary: `system: Interlock runs as ${system.user}; agents can call its daemon and nothing more.`,
      }
    : {
        mode: 'system',
        summary: `system: Interlock runs as ${system.user}, but its daemon is not trustworthy or not running (${daemon.untrusted}); production-scoped actions are denied until it is.`,
        fix: SYSTEM_SETUP_COMMAND,
      };
}
