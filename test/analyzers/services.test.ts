import { describe, expect, it } from 'vitest';
import { servicesCorpus } from '../corpus/services.js';
import { corpusTests } from '../support/corpus.js';
import { check, expectCategories } from '../support/runtime.js';

describe('services corpus', () => corpusTests(servicesCorpus));

describe('services analyzer', () => {
  it('takes the docker host from DOCKER_HOST and DOCKER_CONTEXT in the agent environment', async () => {
    const host = await check('docker volume rm data', { env: { DOCKER_HOST: 'ssh://ops@db-prod-2' } });
    expect(host.assessment.environment).toBe('production');
    expect(host.assessment.environmentHints).toContainEqual({
      source: 'env DOCKER_HOST',
      value: 'db-prod-2',
    });
    const context = await check('docker rm -f api', { env: { DOCKER_CONTEXT: 'live-eu' } });
    expect(context.assessment.environment).toBe('production');
  });

  it('does not let DOCKER_HOST place systemctl or crontab effects', async () => {
    const r = await check('sudo systemctl stop nginx', { env: { DOCKER_HOST: 'ssh://ops@db-prod-2' } });
    expect(r.assessment.environment).toBe('non-production');
  });

  it('uses this machine as the target of power changes and its name as a hint', async () => {
    const r = await check('sudo reboot', { host: 'web-prod-3' });
    expect(r.assessment.effects[0]?.target).toBe('web-prod-3');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
  });

  it('reports categories policies can use', async () => {
    const cases: [string, string][] = [
      ['docker volume rm pgdata', 'volume'],
      ['docker rm -f api', 'container'],
      ['sudo systemctl stop nginx', 'service'],
      ['sudo shutdown -h now', 'host'],
      ['crontab -r', 'cron'],
      ['sudo iptables -F', 'firewall'],
      ['sudo killall -9 mysqld', 'process'],
    ];
    await expectCategories(cases);
  });

  it('grades a stop by what the service is', async () => {
    const risk = async (command: string) => (await check(command)).assessment.risk;
    expect(await risk('systemctl stop my-app')).toBe('medium');
    expect(await risk('systemctl stop ssh.service')).toBe('high');
    expect(await risk('systemctl stop "postgresql*"')).toBe('high');
    expect(await risk('systemctl restart sshd')).toBe('low');
  });

  it('reads kill signals in every spelling', async () => {
    const risk = async (command: string) => (await check(command)).assessment.risk;
    expect(await risk('kill -s KILL 1')).toBe('high');
    expect(await risk('kill -SIGTERM 1')).toBe('high');
    expect(await risk('kill --signal=HUP 1')).toBe('low');
    expect(await risk('kill -- -1')).toBe('high');
    expect(await risk('pkill -9 .')).toBe('high');
  });

  it('takes compose project names and files as hints', async () => {
    const r = await check('docker compose --env-file .env.production down -v');
    expect(r.assessment.environment).toBe('production');
    const dev = await check('COMPOSE_PROJECT_NAME=shop-dev docker compose down -v');
    expect(dev.assessment.environment).toBe('non-production');
    expect(dev.decision.outcome).toBe('ask');
  });
});

describe('docker cp into a container', () => {
  // Replacing files inside a running container (an init script of a database) was allowed.
  it('is a medium change placed by the container; copying out only reads', async () => {
    const into = await check('docker cp evil.sh prod-db:/docker-entrypoint-initdb.d/');
    expect(into.assessment.environment).toBe('production');
    expect(into.decision.outcome).toBe('require-approval');
    const out = await check('docker cp app-dev:/var/log/app.log ./app.log');
    expect(out.decision.outcome).toBe('allow');
  });
});

describe('a fresh container with nothing of this machine in it', () => {
  it.each([
    'docker run --rm alpine rm -rf /',
    "docker run --rm alpine sh -c 'rm -rf / && echo x > /etc/passwd'",
    'docker run --rm --network host alpine rm -rf /tmp/x',
  ])('%s changes only its own files', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'docker run --rm -v /:/host alpine rm -rf /host',
    "docker run --rm alpine ssh prod-db 'rm -rf /var/lib/postgresql'",
    "docker run --rm postgres psql -h prod-db -c 'DROP DATABASE app'",
    'docker run --rm --volumes-from db alpine rm -rf /var/lib/postgresql/data',
    'docker run --rm --pid=host alpine rm -rf /',
    'docker exec api rm -rf /app/data',
  ])('%s still counts', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});

describe('an image whose entrypoint is a CLI runs that CLI', () => {
  it.each([
    ['docker run --rm bitnami/kubectl delete ns production', 'critical'],
    ['docker run --rm -v $PWD:/w -w /w hashicorp/terraform destroy -auto-approve', 'critical'],
    ['docker run --rm amazon/aws-cli s3 rb s3://prod-bucket --force', 'critical'],
    ['docker run --rm public.ecr.aws/aws-cli/aws-cli s3 rb s3://prod-bucket --force', 'critical'],
    ['docker run --rm -v ~/.kube:/.kube bitnami/kubectl kubectl delete ns staging', 'critical'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });

  it.each([
    'docker run --rm bitnami/kubectl:1.30 get pods -A',
    "docker run --rm --entrypoint sh bitnami/kubectl -c 'echo hi'",
    'docker run --rm amazon/aws-cli s3 ls',
  ])('%s stays allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
