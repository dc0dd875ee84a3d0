import type { EnvironmentHint } from '../../core/types.js';
import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  nameHints,
  placeHints,
  subcommandEffects,
  type Call,
  type Cli,
} from '../subcommands.js';

// Vercel: deployments, projects, environment variables and domains. `--prod` and the environment word of
// `vercel env rm NAME production` say where a call lands.

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
  const named = call.verb === 'env rm' ? call.rest.slice(1).filter((w) => ENVIRONMENTS.has(w.value)) : [];
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

export function vercel(inv: Invocation) {
  return subcommandEffects(inv, VERCEL);
}
