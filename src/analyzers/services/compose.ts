import { posix } from 'node:path';
import type { Effect } from '../../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { fx, hostOf, isGentleSignal, outageInProduction } from './common.js';
import { COMPOSE_VALUE, SUB_VALUE } from '../../shell/cli-options/docker.js';
import { isRemoteHost, LOCAL_CONTEXT, unpeeledExec, type Scope } from './docker-scope.js';

/** docker compose / docker-compose: `down -v` loses the project's volumes; the rest is routine locally. */
export function compose(inv: Invocation, tool: string, scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: COMPOSE_VALUE, stopAtFirstPositional: true });
  const [verbWord, ...rest] = parsed.positionals;
  if (!verbWord) return [];
  const hints = [...scope.hints];
  const host = optionValue(parsed, '-H', '--host');
  if (host) hints.push({ source: 'flag --host', value: hostOf(host) });
  const context = optionValue(parsed, '--context', '-c');
  if (context) hints.push({ source: 'flag --context', value: context });
  // The daemon (host, context) says where it lands; project, folder, file and profile names are weak.
  const project = optionValue(parsed, '-p', '--project-name') ?? inv.env('COMPOSE_PROJECT_NAME');
  if (project) hints.push({ source: 'compose project', value: project, weak: true });
  else {
    const dir = optionValue(parsed, '--project-directory');
    hints.push({
      source: 'compose project directory',
      value: posix.basename(dir ?? inv.facts.cwd),
      weak: true,
    });
  }
  const remoteDaemon =
    scope.remote ||
    (host !== undefined && isRemoteHost(host)) ||
    (context !== undefined && !LOCAL_CONTEXT.test(context));
  const files = optionValues(parsed, '-f', '--file');
  const fromEnv = inv.env('COMPOSE_FILE');
  for (const f of files.length ? files : fromEnv ? fromEnv.split(/[:;]/) : [])
    hints.push({ source: 'compose file', value: posix.basename(f), weak: true });
  for (const f of optionValues(parsed, '--env-file'))
    hints.push({ source: 'compose env file', value: posix.basename(f), weak: true });
  // A compose profile picks a group of services, not an account or a daemon: a name only.
  for (const p of optionValues(parsed, '--profile'))
    hints.push({ source: 'compose profile', value: p, weak: true });
  const target = `compose project ${project ?? (files.length ? files.join(',') : posix.basename(inv.facts.cwd))}`;
  const sub = parseOptions(rest, { withValue: SUB_VALUE });
  const services = sub.positionals.map((w) => w.value).join(' ');
  const which = services ? `${services} of ${target}` : target;
  const opts = { hints, reversible: true };
  switch (verbWord.value) {
    case 'exec':
      // `docker compose exec` is peeled by the wrapper only when nothing comes between compose and exec.
      return unpeeledExec(tool, { ...scope, hints }, rest);
    case 'down':
      if (hasOption(sub, '-v', '--volumes'))
        return [
          fx(
            tool,
            'delete',
            'high',
            target,
            `compose down -v removes the containers and the volumes of ${target} with their data`,
            'volume',
            { hints },
          ),
        ];
      // Taking a project down on another machine (ssh, -H, DOCKER_HOST) is an outage there; locally it is routine.
      return [
        outageInProduction(
          fx(
            tool,
            'delete',
            inv.remote || remoteDaemon ? 'medium' : 'low',
            target,
            `compose down removes the containers and networks of ${target}; volumes are kept`,
            'container',
            opts,
          ),
        ),
      ];
    case 'rm':
      return [
        fx(
          tool,
          'delete',
          hasOption(sub, '-v', '--volumes') ? 'medium' : 'low',
          which,
          `compose rm removes the stopped containers of ${which}`,
          'container',
          opts,
        ),
      ];
    case 'kill': {
      const gentle = isGentleSignal(optionValue(sub, '-s', '--signal'));
      const killed = fx(
        tool,
        'modify',
        gentle ? 'low' : 'medium',
        which,
        `compose kill kills ${which} without a clean shutdown`,
        'container',
        opts,
      );
      return [gentle ? killed : outageInProduction(killed)];
    }
    case 'stop':
    case 'pause':
      return [
        outageInProduction(
          fx(tool, 'modify', 'low', which, `compose ${verbWord.value} ${which}`, 'container', opts),
        ),
      ];
    case 'restart':
      return [fx(tool, 'modify', 'low', which, `compose restart ${which}`, 'container', opts)];
    case 'up':
      if (hasOption(sub, '-V', '--renew-anon-volumes'))
        return [
          fx(
            tool,
            'replace',
            'medium',
            which,
            `compose up -V replaces the anonymous volumes of ${which}, discarding their data`,
            'volume',
            { hints },
          ),
        ];
      return [fx(tool, 'create', 'low', which, `compose up starts ${which}`, 'container', opts)];
  }
  return [];
}
