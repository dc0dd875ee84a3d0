import { clientFromEnvironment } from './server-connection.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { reportError } from './errors.js';

export interface FreezeOptions {
  agent?: string;
  reason?: string;
  json?: boolean;
}

/** `interlock freeze` / `unfreeze`: the kill switch for every agent, or one agent (its circuit breaker). */
export async function runFreeze(frozen: boolean, options: FreezeOptions): Promise<number> {
  const verb = frozen ? 'freeze' : 'unfreeze';
  const found = clientFromEnvironment(process.cwd(), process.env);
  if ('error' in found) {
    process.stderr.write(`interlock ${verb}: ${found.error}\n`);
    return EXIT_CODES.usage;
  }
  try {
    const freeze = await found.client.setFrozen(frozen, {
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    });
    if (options.json) process.stdout.write(`${JSON.stringify({ freeze })}\n`);
    else {
      const who = options.agent ? `agent ${options.agent}` : 'every agent';
      process.stdout.write(
        frozen
          ? `Frozen: ${who} is denied every action that changes anything, until \`interlock unfreeze${options.agent ? ` --agent ${options.agent}` : ''}\`.\n`
          : `Unfrozen: ${who} is decided by policy again${options.agent ? ' (its circuit breaker count is reset)' : ''}.\n`,
      );
    }
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(verb, error);
  }
}
