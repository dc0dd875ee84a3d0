import type { Effect, EnvironmentHint } from '../../core/types.js';
import { optionValue, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { fx, hostOf } from './common.js';
import { RUN_VALUE } from '../../shell/cli-options/docker.js';

export interface Scope {
  tool: string;
  hints: EnvironmentHint[];
  /** The daemon is on another machine (-H, DOCKER_HOST, a context or connection not known to be local). */
  remote: boolean;
}

export const LOCAL_CONTEXT =
  /^(default|desktop-linux|desktop-windows|colima|orbstack|rootless|podman-machine-default)$/;
export const isRemoteHost = (host: string) =>
  !/^(unix|npipe|fd):|^(tcp:\/\/)?(localhost|127\.0\.0\.1)(:|$)/.test(host);

export function scopeOf(inv: Invocation, globals: ParsedOptions): Scope {
  const hints: EnvironmentHint[] = [];
  const host = optionValue(globals, '-H', '--host', '--url', '-a', '--address');
  if (host) hints.push({ source: 'flag --host', value: hostOf(host) });
  const context = optionValue(globals, '--context', ...(inv.name === 'docker' ? ['-c'] : []));
  if (context) hints.push({ source: 'flag --context', value: context });
  const connection = optionValue(globals, '--connection', ...(inv.name === 'podman' ? ['-c'] : []));
  if (connection) hints.push({ source: 'flag --connection', value: connection });
  let remote =
    (host !== undefined && isRemoteHost(host)) ||
    [context, connection].some((c) => c !== undefined && !LOCAL_CONTEXT.test(c));
  const variables =
    inv.name === 'podman' ? ['CONTAINER_HOST', 'CONTAINER_CONNECTION'] : ['DOCKER_HOST', 'DOCKER_CONTEXT'];
  if (!host && !context && !connection) {
    for (const name of variables) {
      const value = inv.env(name);
      if (!value) continue;
      const isHost = name.endsWith('HOST');
      hints.push({ source: `env ${name}`, value: isHost ? hostOf(value) : value });
      remote ||= isHost ? isRemoteHost(value) : !LOCAL_CONTEXT.test(value);
    }
  }
  return { tool: inv.name, hints, remote };
}

export function names(words: readonly Word[], what: string): { target: string; hints: EnvironmentHint[] }[] {
  return words.map((w) => ({
    target: w.dynamic ? `${what}s listed at run time (${w.value})` : `${what}/${w.value}`,
    hints: w.dynamic ? [] : [{ source: `${what} name`, value: w.value, weak: true as const }],
  }));
}

/** A command run in a container that was not followed into: nothing says what it does. */
export function unpeeledExec(tool: string, scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: RUN_VALUE, stopAtFirstPositional: true });
  const [container, ...command] = parsed.positionals;
  if (!container || command.length === 0) return [];
  // An interactive shell runs nothing by itself, as with a peeled `docker exec -it api bash`.
  if (command.length === 1 && /^(\/\S*\/)?(sh|bash|zsh|ash|dash|fish)$/.test(command[0]!.value)) return [];
  const text = command.map((w) => w.value).join(' ');
  return [
    fx(
      tool,
      'execute-unverifiable',
      'high',
      `${container.value}: ${text}`,
      `runs \`${text}\` in the container ${container.value}, which is not assessed here`,
      'container',
      { hints: [...scope.hints, { source: `${tool} container`, value: container.value, weak: true }] },
    ),
  ];
}
