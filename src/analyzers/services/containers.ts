import type { Effect, Risk } from '../../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { hostAccess } from './host-access.js';
import { publishedDataPorts } from './published-ports.js';
import { fx, isGentleSignal, outageInProduction } from './common.js';
import { compose } from './compose.js';
import { GLOBAL_VALUE, GROUPS, RUN_VALUE, SUB_VALUE } from '../../shell/cli-options/docker.js';
import { names, scopeOf, unpeeledExec, type Scope } from './docker-scope.js';

/**
 * docker rm: with -v the anonymous volumes (a database's data) go too; with -f a running container is killed
 * first, as `docker kill` does. A plain rm removes only a stopped container and keeps its volumes, as
 * `compose down` does: routine on this machine, worse on another daemon or in production.
 */
function removeContainers(scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: SUB_VALUE });
  const volumes = hasOption(parsed, '-v', '--volumes');
  const forced = hasOption(parsed, '-f', '--force');
  return names(parsed.positionals, 'container').map(({ target, hints }) => {
    const opts = { hints: [...scope.hints, ...hints] };
    if (volumes)
      return fx(
        scope.tool,
        'delete',
        'high',
        target,
        `removes ${target} and its anonymous volumes with their data`,
        'volume',
        opts,
      );
    const why = forced
      ? `kills and removes ${target}: its writable layer is lost`
      : `removes the stopped ${target}: its writable layer is lost, its volumes are kept`;
    const risk = forced || scope.remote ? 'medium' : 'low';
    return outageInProduction(fx(scope.tool, 'delete', risk, target, why, 'container', opts));
  });
}

function removeVolumes(scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: SUB_VALUE });
  return names(parsed.positionals, 'volume').map(({ target, hints }) =>
    fx(scope.tool, 'delete', 'high', target, `removes ${target} and the data in it`, 'volume', {
      hints: [...scope.hints, ...hints],
    }),
  );
}

function kill(scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: SUB_VALUE });
  const signal = optionValue(parsed, '-s', '--signal');
  const gentle = isGentleSignal(signal);
  return names(parsed.positionals, 'container').map(({ target, hints }) => {
    const killed = fx(
      scope.tool,
      'modify',
      gentle ? 'low' : 'medium',
      target,
      gentle ? `sends ${signal} to ${target}` : `kills ${target} without a clean shutdown`,
      'container',
      { hints: [...scope.hints, ...hints], reversible: true },
    );
    return gentle ? killed : outageInProduction(killed);
  });
}

/** `docker run -v /:/host`: a container given the host's root file system can do anything to it. */
function run(scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: RUN_VALUE, stopAtFirstPositional: true });
  const mounts = optionValues(parsed, '-v', '--volume');
  const binds = optionValues(parsed, '--mount');
  const rootMount =
    mounts.some((m) => /^\/:[^:]+(:(?!ro$)[^:]*)?$/.test(m) && !/:ro$/.test(m)) ||
    binds.some((m) => /(^|,)(source|src)=\/(,|$)/.test(m) && !/(^|,)(readonly|ro)(=true)?(,|$)/.test(m));
  if (!rootMount) return [];
  return [
    fx(
      scope.tool,
      'execute-unverifiable',
      'medium',
      parsed.positionals[0]?.value ?? 'container',
      'runs a container with the host root file system mounted writable: what it does to the host is not visible here',
      'host',
      { hints: scope.hints },
    ),
  ];
}

function systemPrune(scope: Scope, args: readonly Word[]): Effect[] {
  const parsed = parseOptions(args, { withValue: SUB_VALUE });
  const volumes = hasOption(parsed, '--volumes');
  const all = hasOption(parsed, '-a', '--all');
  const risk: Risk = volumes || all ? 'high' : 'medium';
  const what = [
    'stopped containers',
    'unused networks',
    all ? 'every unused image' : 'dangling images',
    'build cache',
    volumes ? 'unused volumes and their data' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    fx(
      scope.tool,
      'delete',
      risk,
      'docker system',
      `system prune removes ${what}`,
      volumes ? 'volume' : 'container',
      {
        hints: scope.hints,
      },
    ),
  ];
}

/** docker, podman, nerdctl (and their compose): removing volumes loses data; containers are medium. */
export function containers(inv: Invocation): Effect[] {
  if (inv.name === 'docker-compose' || inv.name === 'podman-compose') {
    const globals = parseOptions([], {});
    return compose(inv, inv.name, scopeOf(inv, globals), inv.args);
  }
  const globals = parseOptions(inv.args, { withValue: GLOBAL_VALUE, stopAtFirstPositional: true });
  const scope = scopeOf(inv, globals);
  const [subWord, ...afterSub] = globals.positionals;
  if (!subWord) return [];
  if (subWord.dynamic)
    return [
      fx(
        inv.name,
        'execute-unverifiable',
        'high',
        inv.text,
        `the ${inv.name} subcommand is computed at run time`,
        'container',
        { hints: scope.hints },
      ),
    ];
  let group = '';
  let action = subWord.value;
  let args: readonly Word[] = afterSub;
  if (GROUPS.has(action)) {
    const inner = parseOptions(afterSub, { stopAtFirstPositional: true });
    group = action;
    action = inner.positionals[0]?.value ?? '';
    args = inner.positionals.slice(1);
  }
  if (action === 'compose' && !group) return compose(inv, `${inv.name} compose`, scope, afterSub);
  const key = group ? `${group} ${action}` : action;
  const tool = inv.name;
  const opts = { hints: scope.hints, reversible: true };
  if (/^(container )?(run|create)$/.test(key)) {
    const runArgs = group ? afterSub.slice(afterSub.findIndex((w) => w.value === action) + 1) : afterSub;
    return [...hostAccess(tool, runArgs, scope.hints), ...publishedDataPorts(tool, runArgs, scope.hints)];
  }
  switch (key) {
    case 'cp':
    case 'container cp': {
      // `docker cp FILE CONTAINER:PATH` replaces files inside a running container; copying out only reads.
      const dest = args[args.length - 1];
      if (args.length < 2 || !dest || dest.dynamic || !/^[^/.:][^:]*:/.test(dest.value)) return [];
      const container = dest.value.slice(0, dest.value.indexOf(':'));
      return [
        fx(
          tool,
          'modify',
          'medium',
          dest.value,
          `${tool} cp replaces files inside the container ${container}`,
          'container',
          {
            hints: [...scope.hints, { source: 'container name', value: container, weak: true }],
          },
        ),
      ];
    }
    case 'rm':
    case 'container rm':
    case 'container remove':
      return removeContainers(scope, args);
    case 'kill':
    case 'container kill':
      return kill(scope, args);
    case 'stop':
    case 'container stop':
    case 'pause':
    case 'container pause': {
      const parsed = parseOptions(args, { withValue: SUB_VALUE });
      const verb = key.endsWith('pause') ? 'pauses' : 'stops';
      return names(parsed.positionals, 'container').map(({ target, hints }) =>
        outageInProduction(
          fx(tool, 'modify', 'low', target, `${verb} ${target}`, 'container', {
            ...opts,
            hints: [...scope.hints, ...hints],
          }),
        ),
      );
    }
    case 'container prune':
      return [
        fx(tool, 'delete', 'low', 'stopped containers', 'removes every stopped container', 'container', opts),
      ];
    case 'rmi':
    case 'image rm':
    case 'image remove':
    case 'image prune':
      return [
        fx(
          tool,
          'delete',
          'low',
          key === 'image prune' ? 'unused images' : args.map((w) => w.value).join(' '),
          'removes images (they can be pulled or built again)',
          'image',
          opts,
        ),
      ];
    case 'volume rm':
    case 'volume remove':
      return removeVolumes(scope, args);
    case 'volume prune': {
      const parsed = parseOptions(args, { withValue: SUB_VALUE });
      const all = hasOption(parsed, '-a', '--all');
      return [
        fx(
          tool,
          'delete',
          'high',
          all ? 'every unused volume' : 'unused anonymous volumes',
          `volume prune removes ${all ? 'every unused volume' : 'unused volumes'} and the data in them`,
          'volume',
          { hints: scope.hints },
        ),
      ];
    }
    case 'network rm':
    case 'network remove':
    case 'network prune':
    case 'builder prune':
    case 'buildx prune':
    case 'context rm':
    case 'plugin rm':
      return [
        fx(
          tool,
          'delete',
          'low',
          args.map((w) => w.value).join(' ') || key,
          `${key} (recreated on demand)`,
          'container',
          opts,
        ),
      ];
    case 'system prune':
      return systemPrune(scope, args);
    case 'system reset':
    case 'machine rm':
    case 'machine reset':
      return [
        fx(
          tool,
          'delete',
          'high',
          `${tool} ${key}`,
          `${tool} ${key} deletes every container, image and volume`,
          'volume',
          { hints: scope.hints },
        ),
      ];
    case 'pod rm':
    case 'pod kill':
      return [
        fx(
          tool,
          key === 'pod rm' ? 'delete' : 'modify',
          'medium',
          args.map((w) => w.value).join(' ') || 'pods',
          `${key} stops the containers of the pod`,
          'container',
          { hints: scope.hints },
        ),
      ];
    case 'stack rm':
    case 'stack remove':
    case 'stack down':
      return args.map((w) =>
        fx(
          tool,
          'delete',
          'high',
          `stack/${w.value}`,
          `removes the swarm stack ${w.value} and its services`,
          'stack',
          { hints: [...scope.hints, { source: 'stack name', value: w.value, weak: true }] },
        ),
      );
    case 'service rm':
    case 'service remove':
      return args.map((w) =>
        fx(tool, 'delete', 'high', `service/${w.value}`, `removes the swarm service ${w.value}`, 'service', {
          hints: [...scope.hints, { source: 'service name', value: w.value, weak: true }],
        }),
      );
    case 'service scale':
      return args
        .filter((w) => /=0$/.test(w.value))
        .map((w) =>
          fx(
            tool,
            'modify',
            'high',
            `service/${w.value.slice(0, -2)}`,
            `scales the swarm service ${w.value.slice(0, -2)} to zero`,
            'service',
            opts,
          ),
        );
    case 'secret rm':
      return args.map((w) =>
        fx(tool, 'delete', 'high', `secret/${w.value}`, `removes the swarm secret ${w.value}`, 'secret', {
          hints: scope.hints,
        }),
      );
    case 'config rm':
      return args.map((w) =>
        fx(tool, 'delete', 'medium', `config/${w.value}`, `removes the swarm config ${w.value}`, 'config', {
          hints: scope.hints,
        }),
      );
    case 'node rm':
      return args.map((w) =>
        fx(tool, 'delete', 'high', `node/${w.value}`, `removes ${w.value} from the swarm`, 'node', {
          hints: scope.hints,
        }),
      );
    case 'swarm leave':
      return [
        fx(
          tool,
          'modify',
          'high',
          'swarm',
          'leaves the swarm (a manager leaving with --force can lose the cluster state)',
          'cluster',
          { hints: scope.hints },
        ),
      ];
    case 'run':
    case 'container run':
      return run(scope, args);
    case 'exec':
    case 'container exec':
      // The wrapper peels `docker exec …` itself; reaching here means options came first (`docker -H h exec`).
      return unpeeledExec(tool, scope, args);
  }
  return [];
}
