import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Programs that run a command inside an environment they set up (src/shell/environment-runners.ts) were
// unrecognised programs, so the command they ran was never seen: `aws-vault exec prod -- terraform destroy
// -auto-approve` was allowed. The command is now assessed as typed, placed by the profile, config or app named.

describe('a command run by an environment runner is assessed', () => {
  it.each([
    ['chamber exec billing -- rm -rf /srv', '/srv'],
    ['dotenv -e .env.local -- rm -rf /srv', '/srv'],
    ['dotenvx run -f .env -- rm -rf /srv', '/srv'],
    ['env-cmd -f .env rm -rf /srv', '/srv'],
    ['env-cmd --use-shell "rm -rf /srv"', '/srv'],
    ['cross-env NODE_ENV=test rm -rf /srv', '/srv'],
    ['cross-env-shell "rm -rf /srv"', '/srv'],
    ['nix-shell -p jq --run "rm -rf /srv"', '/srv'],
    ['nix develop .#ci -c rm -rf /srv', '/srv'],
    ['nix shell nixpkgs#jq --command rm -rf /srv', '/srv'],
    ['devbox run rm -rf /srv', '/srv'],
    ['mise exec node@20 -- rm -rf /srv', '/srv'],
    ['mise x -c "rm -rf /srv"', '/srv'],
    ['conda run -n base rm -rf /srv', '/srv'],
    ['micromamba run -n ci rm -rf /srv', '/srv'],
    ['direnv exec . rm -rf /srv', '/srv'],
    ['rbenv exec rm -rf /srv', '/srv'],
    ['asdf exec rm -rf /srv', '/srv'],
    ['scl enable devtoolset-9 "rm -rf /srv"', '/srv'],
    ['scl enable devtoolset-9 -- rm -rf /srv', '/srv'],
    ['sops exec-env secrets.enc.yaml "rm -rf /srv"', '/srv'],
    ['envchain aws rm -rf /srv', '/srv'],
    ['summon -f secrets.yml rm -rf /srv', '/srv'],
    ['teller run --reset --shell -- "rm -rf /srv"', '/srv'],
    ['op run --env-file app.env -- rm -rf /srv', '/srv'],
    ['doppler run -- rm -rf /srv', '/srv'],
    ['infisical run --command "rm -rf /srv"', '/srv'],
    ['railway run rm -rf /srv', '/srv'],
    ['netlify dev --command "rm -rf /srv"', '/srv'],
    ['netlify dev:exec rm -rf /srv', '/srv'],
    ['saml2aws exec -- rm -rf /srv', '/srv'],
    ['ip netns exec blue rm -rf /srv', '/srv'],
    ['flatpak-spawn --host rm -rf /srv', '/srv'],
    ['toolbox run -c dev rm -rf /srv', '/srv'],
    ['distrobox enter --name box -- rm -rf /srv', '/srv'],
    ['wsl -e rm -rf /mnt/c/Users', '/mnt/c/Users'],
    ['dtach -n /tmp/session rm -rf /srv', '/srv'],
    ['daemonize /bin/rm -rf /srv', '/srv'],
    ['lxc exec web1 -- rm -rf /srv', '/srv'],
    ['multipass exec vm1 -- rm -rf /srv', '/srv'],
    ['vagrant ssh -c "rm -rf /srv"', '/srv'],
    ['mosh web1 -- rm -rf /srv', '/srv'],
    ['sshpass -p secret ssh web1 "rm -rf /srv"', '/srv'],
    ['autossh -M 0 web1 "rm -rf /srv"', '/srv'],
    ['assume dev-admin --exec -- rm -rf /srv', '/srv'],
    ["assume dev-admin --exec 'rm -rf /srv'", '/srv'],
    ['envconsul -prefix app/db rm -rf /srv', '/srv'],
    ['devcontainer exec --workspace-folder . rm -rf /srv', '/srv'],
    ['nvm exec 20 rm -rf /srv', '/srv'],
    ['nvm exec rm -rf /srv', '/srv'],
    ['systemd-nspawn -D /var/lib/machines/box --bind=/srv rm -rf /srv', '/srv'],
    ["entr -rs 'rm -rf /srv'", '/srv'],
    ["watchexec -w src 'rm -rf /srv'", '/srv'],
    ["fab -H web1,web2 -- 'rm -rf /srv'", '/srv'],
    ["knife ssh 'role:web' 'rm -rf /srv' -x ubuntu", '/srv'],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    ['aws-vault exec prod -- terraform destroy -auto-approve', 'require-approval'],
    [
      'aws-vault --backend=file exec production -- aws rds delete-db-instance --db-instance-identifier billing',
      'require-approval',
    ],
    ['aws-okta exec prod -- aws s3 rb s3://billing-archive --force', 'require-approval'],
    ['doppler run --config prd -- psql -c "DROP TABLE users"', 'require-approval'],
    ['infisical run --env prod -- kubectl delete ns billing', 'require-approval'],
    ['heroku run -a billing-prod -- rake db:drop', 'require-approval'],
    ['heroku run:detached "rake db:drop" -a billing-prod', 'require-approval'],
    ['fly ssh console -a api-prod -C "rm -rf /data"', 'require-approval'],
    [
      'assume prod-admin --exec -- aws ec2 terminate-instances --instance-ids i-0abc123def4567890',
      'require-approval',
    ],
    ['envconsul -prefix prod/db sh -c \'mysql -h db -e "DROP DATABASE billing"\'', 'require-approval'],
    ["knife ssh 'role:db AND chef_environment:production' 'sudo systemctl stop mysql'", 'require-approval'],
    // What the credentials reach cannot be seen into: unverifiable where they are production ones.
    ['aws-vault exec prod -- ./bin/mytool apply', 'deny'],
  ])('%s lands in production: %s', async (command, outcome) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe(outcome);
  });

  it.each([
    'aws-vault exec prod -- aws s3 ls',
    'aws-vault exec dev -- npm test',
    'aws-vault exec prod',
    'doppler run -- npm start',
    'op run -- node server.js',
    'nix-shell -p nodejs',
    'nix develop',
    'mise exec node@20 -- node --version',
    'envchain --set aws AWS_SECRET_ACCESS_KEY',
    'dotenv -p DATABASE_URL',
    'fly ssh console -a api',
    'direnv exec . git log -- README.md',
    'cross-env NODE_ENV=production webpack --mode production',
    'nvm run 20 --version',
    'watchexec -e ts -- npm test',
    "git ls-files | entr -c 'make test'",
    "knife ssh 'role:web' 'uptime'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
