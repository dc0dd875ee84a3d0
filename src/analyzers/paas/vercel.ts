import type { EnvironmentHint } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import { word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  nameHints,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
} from '../subcommands.js';

// Vercel: deployments, projects, environment variables and domains. `--prod`, `--target`/`--environment`
// and the environment word of `vercel env rm NAME production` say where a call lands. `vercel` with no
// subcommand, or with a directory, deploys.

const deploy = changes('low', 'app', 'deploys the project', true);

const VERBS: Cli['verbs'] = {
  rm: destroys('high', 'app', 'removes the deployments (of the whole project when it names one)'),
  'project rm': destroys(
    'critical',
    'app',
    'deletes the project with its deployments, domains and variables',
  ),
  'env rm': changes(
    'medium',
    'config',
    'removes an environment variable (the next deployment runs without it)',
  ),
  'domains rm': destroys('high', 'dns', 'removes the domain from the account'),
  'dns rm': destroys('high', 'dns', 'deletes a DNS record'),
  'alias rm': destroys('medium', 'dns', 'removes an alias (its URL stops serving)'),
  'certs rm': destroys('medium', 'dns', 'removes a certificate'),
  promote: changes('medium', 'app', 'promotes a deployment to production', true),
  rollback: changes('medium', 'app', 'rolls production back to an earlier deployment', true),
  deploy,
  redeploy: changes('low', 'app', 'redeploys a deployment', true),
  'env add': changes('low', 'config', 'adds an environment variable (the next deployment uses it)', true),
  'env pull': reads('secrets', 'writes the environment variables, secrets among them, to a .env file'),
  pull: reads('secrets', 'writes the project settings and environment variables to .vercel/'),
  // On this machine (the dev server and the build run the project's own scripts), or only the CLI's state.
  ...everyday('link', 'dev', 'build', 'init', 'switch', 'teams switch'),
};

const VALUE_OPTIONS = [
  '--scope',
  '-S',
  '--token',
  '-t',
  '--target',
  '--environment',
  '-A',
  '--local-config',
  '--team',
  '-T',
  '--cwd',
];

const ENVIRONMENTS = new Set(['production', 'preview', 'development']);

function hints(call: Call): EnvironmentHint[] {
  const named =
    call.verb === 'env rm' || call.verb === 'env add'
      ? call.rest.slice(1).filter((w) => ENVIRONMENTS.has(w.value))
      : [];
  return [
    ...(hasOption(call.options, '--prod') ? [{ source: 'flag --prod', value: 'production' }] : []),
    ...placeHints(call, 'flag --target', '--target', '--environment'),
    ...named.map((w) => ({ source: 'vercel environment', value: w.value })),
    ...nameHints(call, 'vercel scope', '--scope', '-S'),
  ];
}

const VERCEL: Cli = {
  options: { withValue: VALUE_OPTIONS },
  verbs: VERBS,
  aliases: {
    remove: 'rm',
    delete: 'rm',
    domain: 'domains',
    projects: 'project',
    cert: 'certs',
    aliases: 'alias',
    ln: 'alias',
  },
  hints,
};

/** A word that names a directory to deploy (`.`, `./web`, `apps/site`) rather than a subcommand. */
const DIRECTORY = /^[.~/]|\//;

/** `vercel`, `vercel --prod`, `vercel ./web`: with no subcommand, or a directory, it deploys. */
function deploysBare(inv: Invocation): boolean {
  const options = parseOptions(inv.args, VERCEL.options);
  if (hasOption(options, '--version', '-v', '-h')) return false;
  const [first] = options.positionals;
  return !first || (!first.dynamic && DIRECTORY.test(first.value));
}

export function vercel(inv: Invocation) {
  return subcommandEffects(deploysBare(inv) ? { ...inv, args: [word('deploy'), ...inv.args] } : inv, VERCEL);
}
