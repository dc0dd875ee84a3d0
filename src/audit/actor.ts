import { userInfo } from 'node:os';
import type { Principal } from '../core/decide.js';

// Attribution: who stands behind an entry. The human the agent acts for (from the server token, or the OS
// user locally), the agent as it named itself in its hook payload, and — added when the log is read — the
// approvers and the policies that decided.

export interface AgentRef {
  name: string;
  vendor?: string;
  model?: string;
  session?: string;
}

interface HumanRef {
  name: string;
  /** How we know: the OS account that ran Interlock, or the server token that authenticated the call. */
  via: 'os-user' | 'token' | 'caller';
}

export interface ActorChain {
  human?: HumanRef;
  agent?: AgentRef;
}

// A process's user does not change while it runs: looked up once (the daemon records one entry per call,
// and each lookup reads the user database).
let processUser: string | undefined;

export function osUser(env: NodeJS.ProcessEnv = process.env): string {
  if (processUser !== undefined) return processUser;
  try {
    processUser = userInfo().username;
    return processUser;
  } catch {
    return env.USER || env.LOGNAME || 'unknown';
  }
}

/** The actor chain of a local decision. */
export function actorChainOf(principal: Principal, env: NodeJS.ProcessEnv = process.env): ActorChain {
  if (principal.type === 'Human') return { human: { name: principal.id, via: 'os-user' } };
  const agent: AgentRef = { name: principal.id };
  if (principal.vendor) agent.vendor = principal.vendor;
  if (principal.model) agent.model = principal.model;
  if (principal.session) agent.session = principal.session;
  const me = osUser(env);
  const human = principal.actsFor ?? me;
  return { agent, human: { name: human, via: human === me ? 'os-user' : 'caller' } };
}

/** "claude-code (anthropic, model x, session y) for alice": the chain in one line. */
export function describeChain(chain: ActorChain): string {
  const human = chain.human?.name;
  if (!chain.agent) return human ?? 'unknown';
  const a = chain.agent;
  const detail = [a.vendor, a.model && `model ${a.model}`, a.session && `session ${a.session}`]
    .filter(Boolean)
    .join(', ');
  return `agent ${a.name}${detail ? ` (${detail})` : ''}${human ? ` for ${human}` : ''}`;
}
