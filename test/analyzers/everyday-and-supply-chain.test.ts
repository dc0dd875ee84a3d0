import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A file emptied by redirecting into it (same-file-redirect.ts), private keys deleted or overwritten
// (keys.ts), packages fetched from an unvetted host or pulled out of the system (package-changes.ts), a tag
// production deploys from moved (image-pushes.ts), a parameter overwritten; and the everyday work that must
// stay allowed beside them: caches, build output found by name, previews of migrations and upgrades.

describe('held', () => {
  it.each([
    'sort data.csv > data.csv',
    'jq . config.json > config.json',
    'sops -d secrets/prod.enc.yaml > secrets/prod.enc.yaml',
    'cat < notes.txt > notes.txt',
    'gpg --batch --yes --delete-secret-keys 7D2BAF1CF37B13E2069D6956105BD0E739499BDB',
    "ssh-keygen -q -t ed25519 -N '' -f ~/.ssh/id_ed25519 <<< y",
    "yes | ssh-keygen -t rsa -f ~/.ssh/id_rsa -N ''",
    'npm config set registry https://registry.npmjs-mirror.top/',
    'pip install --index-url https://pypi.fastmirror.cc/simple/ -r requirements.txt',
    'npm install --registry=https://npm.example.net lodash',
    'sudo pip3 uninstall -y --break-system-packages cryptography requests',
    // pip's own command line through python (src/shell/wrappers.ts, peelModuleProgram).
    'sudo python3 -m pip uninstall -y urllib3',
    'sudo python3.11 -I -m pip uninstall -y urllib3',
    'python3 -m pip install --index-url https://pypi.fastmirror.cc/simple/ flask',
    'brew uninstall --zap --cask docker',
    'brew uninstall --force --ignore-dependencies openssl@3',
    'npm uninstall -g npm',
    'yarn global remove yarn',
    'pnpm remove --global pnpm',
    'gem owner acme-client --add contractor@gmail.com',
    'docker push registry.acme.io/payments-api:production',
    'skopeo copy docker://registry.acme.io/payments-api:dev docker://registry.acme.io/payments-api:prod',
    'aws ssm put-parameter --name /prod/api/DB_PASSWORD --value x --type SecureString --overwrite --profile prod',
    'find ~ -name src -type d -exec rm -rf {} +',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it('a Rails task with no RAILS_ENV acts on development: asked, not sent for approval', async () => {
    const r = await check('bin/rails db:drop db:create db:migrate db:seed');
    expect(r.decision.outcome).toBe('ask');
    expect(r.assessment.environment).toBe('non-production');
  });
});

describe('allowed', () => {
  it.each([
    'sort data.csv > sorted.csv',
    'echo data.csv > data.csv',
    'grep -v foo f.txt > f.new && mv f.new f.txt',
    'rm -rf ~/.cache/pip ~/.cache/go-build',
    'rm -rf ~/.npm/_cacache',
    'find . -type d -name __pycache__ -prune -exec rm -rf {} +',
    'git clean -fdX build/ coverage/',
    'gpg --list-secret-keys',
    'ssh-keygen -t ed25519 -f ~/.ssh/id_new',
    'npm config set registry https://registry.npmjs.org/',
    'pip install -r requirements.txt',
    'pip uninstall -y requests',
    'npm uninstall -g typescript',
    'brew uninstall wget',
    'python3 -m pip uninstall -y requests',
    'python3 -m pip install -r requirements.txt',
    'python3 -m pytest -q',
    'brew uninstall wget',
    'docker push registry.acme.io/payments-api:1.4.2',
    'docker push ghcr.io/acme/tool',
    'python manage.py migrate billing zero --plan --settings=config.settings.production',
    "ssh prod-web-1 'sudo apt-get -s upgrade'",
    'aws secretsmanager restore-secret --secret-id prod/stripe/live --profile prod',
    'az keyvault secret recover --vault-name acme-prod-kv --name sql-admin-password',
    'gcloud secrets create feature-x-token --project=acme-dev --data-file=-',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('asked or allowed by what they change', () => {
  it.each([
    [
      'python manage.py sqlflush --settings=config.settings.production | python manage.py dbshell --settings=config.settings.production',
      'require-approval',
    ],
    ['npm install --registry http://localhost:4873 @acme/ui', 'allow'],
    [
      'aws ssm put-parameter --name /dev/alice/flag --value on --type String --overwrite --profile dev',
      'allow',
    ],
    ['vault write -f transit/keys/prod-payments/rotate', 'allow'],
    ['vault write secret/prod/x value=1', 'require-approval'],
  ])('%s → %s', async (command, outcome) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe(outcome);
  });
});

describe('an in-place edit that keeps nothing empties the file (erasing-edits.ts)', () => {
  it.each([
    "perl -0777 -pi -e 's/.*//s' src/*.ts",
    'sed -i d notes.txt',
    "sed -i '1,$d' notes.txt",
    "sed -i 's/.*//' notes.txt",
    `perl -pi -e '$_ = ""' a.txt`,
  ])('%s is asked about', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
  });

  it.each(["sed -i 's/foo/bar/' notes.txt", "sed -i '/^#/d' notes.txt", "perl -pi -e 's/foo.*//' a.txt"])(
    '%s stays allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
