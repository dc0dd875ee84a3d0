import { hasOption } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import {
  changes,
  destroys,
  everyday,
  placeHints,
  reads,
  subcommandEffects,
  type Call,
  type Cli,
  type Verb,
} from '../subcommands.js';

// The Elastic Beanstalk CLI (`eb`) acts on one environment of the application this directory is set up for:
// the one named after the subcommand, else the directory's default (.elasticbeanstalk/config.yml, not read
// here). `eb rebuild` terminates every resource of the environment and creates it again, as `aws
// elasticbeanstalk rebuild-environment` does; `eb terminate` deletes it (with --all, the application too).
// Only the unrecognised-destroyer fallback saw `eb terminate`, and `eb rebuild` was allowed.

const terminate = (call: Call): Verb =>
  hasOption(call.options, '--all')
    ? destroys(
        'critical',
        'app',
        'terminates every environment of the application and deletes the application',
      )
    : destroys('critical', 'app', 'terminates the environment and deletes its resources');

const VERBS: Cli['verbs'] = {
  terminate,
  rebuild: {
    ...destroys('critical', 'app', 'terminates every resource of the environment and creates it again'),
    operation: 'replace',
  },
  deploy: changes('medium', 'app', 'deploys a new version to the environment', true),
  swap: changes('high', 'app', "swaps the environment's URL with another's: live traffic moves", true),
  scale: changes('medium', 'app', 'changes how many instances the environment runs', true),
  setenv: changes('medium', 'config', "sets the environment's variables (the application restarts)", true),
  upgrade: changes('medium', 'app', "upgrades the environment's platform (instances are replaced)", true),
  restore: changes('low', 'app', 'rebuilds a terminated environment', true),
  abort: changes('low', 'app', 'aborts the update under way', true),
  printenv: reads('secrets', "prints the environment's variables with their values"),
  // `eb ssh` alone opens a shell; `--command` or `--custom` runs something on the instance, not read here.
  ssh: (call) =>
    hasOption(call.options, '--command', '--custom')
      ? changes('high', 'app', 'runs a command on an instance of the environment, which is not read here')
      : undefined,
  // Only these are everyday: the rest (`ssh --command`, `labs cleanup-versions`, `appversion --delete`, `config`)
  // are left to the rules for subcommands not listed.
  ...everyday(
    'init',
    'create',
    'clone',
    'use',
    'status',
    'health',
    'events',
    'logs',
    'list',
    'open',
    'console',
  ),
};

const EB: Cli = {
  options: {
    withValue: [
      '--profile',
      '-r',
      '--region',
      '-l',
      '--label',
      '-m',
      '--message',
      '--timeout',
      '--source',
      '-p',
      '--platform',
      '--command',
      '--custom',
      '-n',
      '--number',
      '-i',
      '--instance',
    ],
  },
  verbs: VERBS,
  hints: (call) => [
    ...placeHints(call, 'flag --profile', '--profile'),
    ...placeHints(call, 'flag --region', '-r', '--region'),
  ],
};

export function elasticBeanstalk(inv: Invocation) {
  return subcommandEffects(inv, EB);
}
