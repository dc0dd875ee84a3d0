import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// The forges (gh, glab) and the secrets managers (doppler, infisical, op, vault) list their everyday
// subcommands, so that on a production host or with production hints they are known rather than
// unverifiable: local or harmless ones change nothing, routine reversible changes are low-risk, and
// printing a secret is a reported read. Options that really destroy raise the risk, and subcommands no
// table lists (or that delete) stay as they were.

const PROD_VAULT = { VAULT_ADDR: 'https://vault.prod.internal:8200' };

describe('everyday subcommands of the forges and secrets managers', () => {
  it.each([
    // gh: local or harmless
    ['ssh prod-web-1 gh pr checkout 412', {}],
    ['ssh prod-web-1 gh pr co 412', {}],
    ['ssh prod-web-1 gh pr checks 412', {}],
    ['ssh prod-web-1 gh repo clone org/x', {}],
    ['ssh prod-web-1 gh repo set-default acme/web', {}],
    ['ssh prod-web-1 gh browse', {}],
    ['ssh prod-web-1 gh auth setup-git', {}],
    ['ssh prod-web-1 gh auth refresh -s read:project', {}],
    ["ssh prod-web-1 gh alias set co 'pr checkout'", {}],
    ['ssh prod-web-1 gh extension install dlvhdr/gh-dash', {}],
    ['ssh prod-web-1 gh ext upgrade --all', {}],
    ['ssh prod-web-1 gh config set editor vim', {}],
    ['ssh prod-web-1 gh run download 1234 -n dist', {}],
    ['ssh prod-web-1 gh release download v1.2.0 -p "*.tar.gz"', {}],
    ['gh release download v1.2.0 -D dist', {}],
    ['gh release download v1.2.0 -O - ', {}],
    // gh: routine, reversible changes
    ['ssh prod-web-1 gh pr create --fill', {}],
    ['ssh prod-web-1 gh pr create --title "Fix" --body "x" --base main --head prod-hotfix', {}],
    ['ssh prod-web-1 gh pr new --fill', {}],
    ['ssh prod-web-1 gh pr comment 412 --body "LGTM"', {}],
    ['ssh prod-web-1 gh pr edit 412 --add-label bug', {}],
    ['ssh prod-web-1 gh pr close 412', {}],
    ['ssh prod-web-1 gh pr review 412 --approve', {}],
    ['ssh prod-web-1 gh pr ready 412', {}],
    ['ssh prod-web-1 gh issue create --title "Bug" --body "x"', {}],
    ['ssh prod-web-1 gh issue comment 77 --body "fixed in #412"', {}],
    ['ssh prod-web-1 gh issue edit 77 --add-label bug', {}],
    ['ssh prod-web-1 gh issue close 77', {}],
    ['ssh prod-web-1 gh release create v1.2.0 --generate-notes', {}],
    ['ssh prod-web-1 gh release upload v1.2.0 dist/app.tar.gz', {}],
    ['ssh prod-web-1 gh release edit v1.2.0 --draft=false', {}],
    ['ssh prod-web-1 gh repo create acme/tools --private', {}],
    ['ssh prod-web-1 gh repo fork acme/web --clone', {}],
    ['ssh prod-web-1 gh repo sync acme/web-fork', {}],
    ['ssh prod-web-1 gh run rerun 7123456789 --failed', {}],
    ['ssh prod-web-1 gh run cancel 7123456789', {}],
    ['ssh prod-web-1 gh workflow enable deploy.yml', {}],
    // glab
    ['ssh prod-web-1 glab mr checkout 12', {}],
    ['ssh prod-web-1 glab repo clone acme/web', {}],
    ['ssh prod-web-1 glab repo archive acme/web', {}],
    ['ssh prod-web-1 glab mr create --fill --yes', {}],
    ['ssh prod-web-1 glab mr note 12 -m "LGTM"', {}],
    ['ssh prod-web-1 glab mr merge 12', {}],
    ['ssh prod-web-1 glab mr approve 12', {}],
    ['ssh prod-web-1 glab issue create -t "Bug" -d "x"', {}],
    ['ssh prod-web-1 glab issue note 7 -m "looking"', {}],
    ['ssh prod-web-1 glab ci run -b main', {}],
    ['ssh prod-web-1 glab ci retry 998877', {}],
    ['ssh prod-web-1 glab ci trace 4242', {}],
    ['ssh prod-web-1 glab config set editor vim', {}],
    // doppler
    ['doppler setup -p billing -c prd', {}],
    ['doppler setup --project billing --config prd --no-interactive', {}],
    ['ssh prod-web-1 doppler setup', {}],
    ['ssh prod-web-1 doppler me', {}],
    ['ssh prod-web-1 doppler configure set token-scope=/srv/app', {}],
    ['ssh prod-web-1 doppler configs create prd_eu -p billing -e prd', {}],
    ['doppler configs clone -p billing -c prd --name prd_copy', {}],
    // infisical
    ['ssh prod-web-1 infisical init', {}],
    ['ssh prod-web-1 infisical vault set file', {}],
    ['ssh prod-web-1 infisical user switch', {}],
    ['ssh prod-web-1 infisical scan git-changes', {}],
    ['infisical secrets folders create --name api --env=prod', {}],
    // op
    ['ssh prod-web-1 op signin', {}],
    ['ssh prod-web-1 op signout', {}],
    ['ssh prod-web-1 op account add --address acme.1password.com', {}],
    ['ssh prod-web-1 op item create --category login --title "CI" --vault Production', {}],
    ['ssh prod-web-1 op document create cert.pem --vault Production', {}],
    // vault
    ['vault token renew', PROD_VAULT],
    ['vault lease renew database/creds/app/abc', PROD_VAULT],
    ['vault path-help secret/', PROD_VAULT],
    ['vault token capabilities secret/app', PROD_VAULT],
    ['vault secrets enable -path=kv-team kv-v2', PROD_VAULT],
    ['vault kv undelete -versions=3 secret/app', PROD_VAULT],
  ])('%s is allowed on production', async (command, env) => {
    const r = await check(command, { env });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).not.toContain('execute-unverifiable');
  });

  it.each([
    ['infisical export --env=prod', {}],
    ['infisical export --env=prod --format=dotenv --output-file=.env', {}],
    ['infisical secrets get DB_PASSWORD --env=prod', {}],
    ['infisical user get token', {}],
    ['doppler secrets download --no-file --format env -c prd', {}],
    ['doppler secrets get STRIPE_KEY --plain -c prd', {}],
    ['doppler secret get STRIPE_KEY --plain -c prd', {}],
    ['doppler secrets substitute config.tpl -c prd', {}],
    ['op read op://prod/db/password', {}],
    ['op inject -i config.tpl -o config.yml', {}],
    ['op item get "Prod DB" --reveal --fields password', {}],
    ['op document get "tls.key" --vault Ops', {}],
    ['vault unwrap s.abc123', PROD_VAULT],
    ['vault print token', {}],
    ['glab variable get DB_PASSWORD --scope production', {}],
    ['glab variable export', {}],
    ['glab securefile download 3', {}],
  ])('%s is reported as a read of secrets', async (command, env) => {
    const r = await check(command, { env });
    const reads = r.assessment.effects.filter((e) => e.operation === 'read' && e.category === 'secrets');
    expect(reads, JSON.stringify(r.assessment.effects)).not.toHaveLength(0);
  });

  it.each([
    'ssh prod-web-1 infisical export --env=prod',
    'ssh prod-web-1 doppler secrets get STRIPE_KEY --plain',
    'ssh prod-web-1 op read op://prod/db/password',
  ])('%s, a read of secrets on production, is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'gh release upload v1.2.0 dist/app.tar.gz --clobber',
    'gh repo sync acme/web-fork --force',
    'gh repo sync --force',
    'gh pr close 412 --delete-branch',
    'gh pr close 412 -d',
    'gh pr comment 412 --delete-last --yes',
    'gh issue comment 77 --delete-last',
    'gh issue transfer 77 acme/public-site',
    'gh repo create acme/internal --public --source . --push',
    'glab mr note delete 12 3107030349',
    'doppler configs update prd -p billing --name prd_old',
    'vault secrets tune -default-lease-ttl=1m database/',
    'gh pr merge 12 -s --admin',
    'glab project delete acme/web --yes',
  ])('%s is not a low-risk change', async (command) => {
    const r = await check(command);
    expect(['medium', 'high', 'critical'], JSON.stringify(r.assessment.effects)).toContain(r.assessment.risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'ssh prod-web-1 gh release upload v1.2.0 dist/app.tar.gz --clobber',
    'ssh prod-web-1 gh repo sync --force',
    'ssh prod-web-1 gh pr close 412 --delete-branch',
    // A download written where it is told: over a shell's startup file, among keys, into /etc.
    'gh release download v1 -O ~/.bashrc --clobber',
    'gh release download v1 --output=/etc/cron.d/job',
    'gh release download v1 --dir ~/.ssh --clobber -p authorized_keys',
    'gh run download 123 -D ~/.ssh',
    'glab release download v1 -D ~/.ssh',
    'glab ci artifact main build --path=/etc/systemd/system',
  ])('%s needs more than an allow on production', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    ['ssh prod-web-1 gh repo delete x --yes', {}],
    ['ssh prod-web-1 gh frobnicate', {}],
    ['ssh prod-web-1 gh pr frobnicate 12', {}],
    ['ssh prod-web-1 gh extension exec dash', {}],
    ['ssh prod-web-1 gh codespace ssh -c x', {}],
    ['ssh prod-web-1 gh alias delete co', {}],
    ['ssh prod-web-1 glab frobnicate', {}],
    ['ssh prod-web-1 glab ci trigger 4242', {}],
    ['ssh prod-web-1 glab mr revoke 12', {}],
    ['doppler frobnicate -c prd', {}],
    ['doppler configs tokens create ci -c prd --plain', {}],
    ['infisical reset --env=prod', {}],
    ['infisical frobnicate --env=prod', {}],
    ['ssh prod-web-1 op item share "Prod DB"', {}],
    ['ssh prod-web-1 op vault delete Production', {}],
    ['ssh prod-web-1 op plugin run -- aws s3 ls', {}],
    ['vault operator unseal', PROD_VAULT],
    ['vault plugin register -sha256=abc secret my-plugin', PROD_VAULT],
  ])('%s stays out of reach on production', async (command, env) => {
    const r = await check(command, { env });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
