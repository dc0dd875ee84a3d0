import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Data-platform tools that destroy by name (src/analyzers/data-platforms.ts, frameworks.ts for Flyway and
// Liquibase): each was allowed, or only guessed at from its verb. Their looking forms stay allowed, on a
// production host too (assess/read-only-tools.ts).

describe('data-platform commands that destroy are held, and placed', () => {
  it.each([
    // [command, risk, environment]
    ['airflow db reset -y', 'critical', 'unknown'],
    ['ssh prod-sched-1 airflow db reset --yes', 'critical', 'production'],
    ['airflow resetdb', 'critical', 'unknown'],
    ['airflow db clean --clean-before-timestamp 2024-01-01 -y', 'medium', 'unknown'],
    ['airflow dags delete billing_daily -y', 'high', 'unknown'],
    [
      'AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=postgresql://airflow@prod-meta-db/airflow airflow dags delete billing_daily -y',
      'high',
      'production',
    ],
    ['airflow tasks clear billing_daily -s 2024-01-01 -y', 'medium', 'unknown'],
    ['dbt run --full-refresh --target prod', 'high', 'production'],
    ['dbt build -f -t prod_eu --select orders+', 'high', 'production'],
    ['DBT_TARGET=production dbt seed --full-refresh', 'high', 'production'],
    ['dbt run --full-refresh', 'medium', 'unknown'],
    ['dbt run-operation drop_old_schemas --target prod', 'medium', 'production'],
    [
      'flyway -url=jdbc:postgresql://prod-db-1:5432/acme -user=flyway -cleanDisabled=false clean',
      'critical',
      'production',
    ],
    [
      'flyway -url=jdbc:postgresql://localhost:5432/acme_test -cleanDisabled=false clean',
      'critical',
      'non-production',
    ],
    ['FLYWAY_URL=jdbc:mysql://prod-mysql:3306/app flyway clean', 'critical', 'production'],
    [
      'liquibase --url=jdbc:postgresql://prod-db-1:5432/acme --username=admin dropAll',
      'critical',
      'production',
    ],
    ['liquibase --url jdbc:postgresql://prod-db-1/acme rollback-count 3', 'high', 'production'],
    ['liquibase --url=jdbc:postgresql://prod-db-1/acme rollback v1.4', 'high', 'production'],
    [
      'java -jar jenkins-cli.jar -s https://jenkins.prod.acme.com/ delete-job deploy-api',
      'high',
      'production',
    ],
    [
      'java -jar /opt/jenkins/jenkins-cli.jar -s https://ci.acme.com -auth @creds delete-builds nightly 1-100',
      'high',
      'non-production',
    ],
    ['java -jar jenkins-cli.jar -s https://jenkins.acme.com delete-node prod-agent-3', 'high', 'production'],
    ['java -jar jenkins-cli.jar -s https://jenkins.acme.com groovy = < cleanup.groovy', 'high', 'unknown'],
    ['hdfs dfs -rm -r /tmp/scratch', 'high', 'unknown'],
    ['hdfs dfs -rm -r -skipTrash /user/hive/warehouse/sales.db/orders', 'critical', 'unknown'],
    ['hdfs dfs -fs hdfs://prod-nn:8020 -rm -r -skipTrash /apps/hive/warehouse/x', 'critical', 'production'],
    ['hadoop fs -rm -skipTrash hdfs://nn.prod:8020/data/x.csv', 'high', 'production'],
    ['hdfs dfs -rm /data/in/part-0000.csv', 'medium', 'unknown'],
    ['sudo -u hdfs hdfs namenode -format', 'critical', 'unknown'],
    ['hdfs dfs -expunge', 'medium', 'unknown'],
  ])('%s (%s, %s)', async (command, risk, environment) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
    expect(r.assessment.environment).toBe(environment);
  });
});

describe('their looking forms and routine work stay allowed', () => {
  it.each([
    'airflow dags list',
    'ssh prod-sched-1 airflow dags list',
    'ssh prod-sched-1 airflow dags list-runs -d billing_daily',
    'ssh prod-sched-1 airflow dags state billing_daily 2024-01-01',
    'ssh prod-sched-1 airflow tasks list billing_daily',
    'ssh prod-sched-1 airflow tasks state billing_daily load 2024-01-01',
    'ssh prod-sched-1 airflow version',
    'ssh prod-sched-1 airflow config get-value core executor',
    'airflow db clean --clean-before-timestamp 2024-01-01 --dry-run',
    'airflow dags trigger billing_daily',
    'dbt run --target prod',
    'dbt run --full-refresh -t dev',
    'dbt build --select orders',
    'ssh prod-etl-1 dbt ls --target prod',
    'flyway -url=jdbc:postgresql://prod-db-1:5432/acme -user=flyway info',
    'flyway -url=jdbc:postgresql://prod-db-1:5432/acme validate',
    'liquibase --url=jdbc:postgresql://prod-db-1:5432/acme status',
    'liquibase --url=jdbc:postgresql://prod-db-1:5432/acme history',
    'liquibase --url jdbc:postgresql://prod-db-1/acme rollback-count-sql 3',
    'java -jar jenkins-cli.jar -s https://jenkins.prod.acme.com/ list-jobs',
    'java -jar jenkins-cli.jar -s https://jenkins.prod.acme.com/ get-job deploy-api',
    'java -jar jenkins-cli.jar -s https://jenkins.prod.acme.com/ build deploy-api -p VERSION=1.2',
    'java -jar app.jar --spring.profiles.active=dev',
    'ssh prod-edge-1 hdfs dfs -ls /user/hive/warehouse',
    'ssh prod-edge-1 hadoop fs -du -s -h /data',
    'ssh prod-edge-1 hdfs dfs -cat /data/in/part-0000.csv',
    'ssh prod-edge-1 hdfs dfs -count -q /data',
    'ssh prod-edge-1 hdfs dfs -test -d /data',
    'hdfs dfs -mkdir -p /data/x',
    'hdfs dfs -put local.csv /data/in/',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
