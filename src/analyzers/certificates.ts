import type { Analyzer } from './analyzer.js';
import { changes, destroys, nameHints, subcommandEffects, type Cli } from './subcommands.js';

// certbot: `revoke` tells the certificate authority the certificate is no longer good, which no one can
// undo (browsers that check refuse the site until a new one is served); `delete` removes a certificate, its
// keys and its renewal, and a web server configured with it fails at its next reload. Both were allowed or
// guessed from the verb. Its other commands are left to the rules for programs not recognised: issuing and
// renewing are everyday work here, and on a production host a renewal runs hooks no one here has read.

const VERBS: Cli['verbs'] = {
  revoke: {
    ...destroys('high', 'certificate', 'revokes the certificate at its authority: it cannot be taken back'),
    operation: 'modify',
  },
  delete: destroys('medium', 'certificate', 'deletes the certificate, its keys and its renewal'),
  unregister: changes(
    'medium',
    'certificate',
    'deactivates the ACME account (its certificates stop renewing)',
  ),
};

const CERTBOT: Cli = {
  options: {
    withValue: [
      '--cert-name',
      '--cert-path',
      '--key-path',
      '-d',
      '--domains',
      '--config-dir',
      '--work-dir',
      '--logs-dir',
      '--reason',
      '-m',
      '--email',
      '--server',
      '-a',
      '--authenticator',
      '-i',
      '--installer',
      '-w',
      '--webroot-path',
      '--config',
      '-c',
    ],
  },
  verbs: VERBS,
  hints: (call) => [
    ...nameHints(call, 'certificate name', '--cert-name'),
    ...nameHints(call, 'certificate domain', '-d', '--domains'),
  ],
  target: (call) =>
    call.options.options.get('--cert-name')?.[0] ?? call.options.options.get('--cert-path')?.[0] ?? undefined,
};

export const certificatesAnalyzer: Analyzer = {
  family: 'certificates',
  commands: ['certbot', 'letsencrypt'],
  local: true,
  partial: true,
  environmentVariables: [],
  analyze: (inv) => subcommandEffects(inv, CERTBOT),
};
