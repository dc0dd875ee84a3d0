import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// SQL given to the shells of warehouses and other servers (trino, beeline, sqlcmd, snowsql…), to bq, snow
// and cockroach, and through cloud APIs (Athena, Redshift Data, RDS Data, Spanner) goes through the same
// assessment as psql's. These were unrecognised programs (allowed) or a generic medium; a SELECT is allowed,
// a DROP/TRUNCATE/DELETE is what it is in psql, and each is placed by its own connection options.

describe('destructive SQL through other clients is held, and placed by their connection', () => {
  it.each([
    // [command, risk, environment]
    ["bq query --nouse_legacy_sql 'DROP TABLE analytics.events'", 'high', 'unknown'],
    [
      "bq --project_id=acme-prod query --use_legacy_sql=false 'TRUNCATE TABLE sales.orders'",
      'high',
      'production',
    ],
    ["echo 'DELETE FROM sales.orders' | bq query --nouse_legacy_sql", 'high', 'unknown'],
    [
      "bq query --destination_table=reporting.daily --replace 'SELECT * FROM sales.orders'",
      'high',
      'unknown',
    ],
    ['bq rm -r -f acme-prod:sales', 'high', 'production'],
    ['bq rm -f -t analytics.events', 'medium', 'unknown'],
    ["snowsql -c prod -q 'DROP TABLE sales'", 'high', 'production'],
    [
      "snowsql -a acme-prod.us-east-1 -q 'CREATE OR REPLACE TABLE orders AS SELECT 1 AS id'",
      'high',
      'production',
    ],
    ['snowsql -c prod -f migrations/drop.sql', 'medium', 'production'],
    ["snow sql -q 'DELETE FROM orders' -c prod", 'high', 'production'],
    [
      "trino --server https://trino.prod.acme.com --execute 'DROP TABLE hive.sales.orders'",
      'high',
      'production',
    ],
    [
      "presto --server prod-presto:8080 --catalog hive --execute 'DELETE FROM web.events'",
      'high',
      'production',
    ],
    [
      "beeline -u 'jdbc:hive2://hs2.prod.acme.com:10000/default' -e 'TRUNCATE TABLE sales'",
      'high',
      'production',
    ],
    ["hive -e 'DROP DATABASE sales CASCADE'", 'critical', 'unknown'],
    ["hive --database prod_dw -e 'INSERT OVERWRITE TABLE daily SELECT * FROM staging'", 'high', 'production'],
    ["impala-shell -i prod-impala-1 -q 'DROP TABLE web.events PURGE'", 'high', 'production'],
    ['spark-sql --master yarn -e \'ALTER TABLE events DROP PARTITION (dt="2024-01-01")\'', 'high', 'unknown'],
    ["sqlcmd -S tcp:prod-sql,1433 -d billing -Q 'DROP TABLE dbo.invoices'", 'high', 'production'],
    ["printf 'DELETE FROM dbo.invoices\\nGO\\n' | sqlcmd -S prod-sql", 'high', 'production'],
    ["printf 'SELECT 1\\nGO\\n!! rm -rf /srv/data\\n' | sqlcmd -S dev-sql", 'high', 'non-production'],
    ["duckdb analytics.duckdb -c 'DROP TABLE events'", 'high', 'non-production'],
    ["duckdb md:prod_analytics -c 'DELETE FROM events'", 'high', 'production'],
    [
      "cockroach sql --url 'postgresql://root@prod-crdb:26257/bank?sslmode=verify-full' -e 'DROP TABLE accounts'",
      'high',
      'production',
    ],
    ["usql pg://app@prod-db/app -c 'TRUNCATE accounts'", 'high', 'production'],
    ["vsql -h vertica.prod.internal -d dw -c 'DELETE FROM facts'", 'high', 'production'],
    ["mysqlsh --sql root@prod-db:3306 -e 'DROP DATABASE app'", 'critical', 'production'],
    ['mysqlsh root@prod-db:3306 -e \'util.loadDump("/dumps/app")\'', 'medium', 'production'],
    [
      "aws athena start-query-execution --query-string 'DROP TABLE sales' --query-execution-context Database=prod_db",
      'high',
      'production',
    ],
    [
      "aws redshift-data execute-statement --cluster-identifier prod-warehouse --database dw --sql 'TRUNCATE events'",
      'high',
      'production',
    ],
    [
      "aws rds-data execute-statement --resource-arn arn:aws:rds:us-east-1:1:cluster:prod-aurora --secret-arn arn:aws:secretsmanager:us-east-1:1:secret:db --sql 'DELETE FROM users'",
      'high',
      'production',
    ],
    [
      "gcloud spanner databases execute-sql orders --instance=prod-spanner --sql='DELETE FROM Orders WHERE true'",
      'high',
      'production',
    ],
    // A dialect libpg-query cannot read stays the generic medium, never a read.
    ["aws athena start-query-execution --query-string 'MSCK REPAIR TABLE sales'", 'medium', 'unknown'],
    ['aws athena start-query-execution --query-string file://drop.sql', 'medium', 'unknown'],
  ])('%s (%s, %s)', async (command, risk, environment) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
    expect(r.assessment.environment).toBe(environment);
  });
});

describe('reads and near-misses through the same clients stay allowed', () => {
  it.each([
    "bq query --nouse_legacy_sql 'SELECT count(*) FROM analytics.events'",
    "bq --project_id=acme-prod query --use_legacy_sql=false 'SELECT 1'",
    "bq query 'SELECT word FROM [bigquery-public-data:samples.shakespeare] LIMIT 5'",
    "bq query --dry_run --nouse_legacy_sql 'DELETE FROM sales.orders WHERE true'",
    'bq ls acme-prod:sales',
    "snowsql -a acme-dev -q 'SELECT current_version()'",
    "snowsql -c prod -q 'SHOW TABLES'",
    "snow sql -q 'select 1' -c prod",
    "trino --server https://trino.prod.acme.com --execute 'SELECT count(*) FROM hive.sales.orders'",
    "presto --server localhost:8080 --execute 'SHOW CATALOGS'",
    "beeline -u 'jdbc:hive2://hs2.prod.acme.com:10000/default' -e 'SELECT * FROM sales LIMIT 10'",
    "hive -e 'DESCRIBE FORMATTED sales'",
    "impala-shell -i prod-impala-1 -q 'SELECT count(*) FROM web.events'",
    "spark-sql -e 'SELECT * FROM events LIMIT 5'",
    "sqlcmd -S prod-sql -Q 'SELECT TOP 10 * FROM [dbo].[invoices]'",
    "printf 'SELECT 1\\nGO\\n' | sqlcmd -S prod-sql",
    "duckdb -c 'SELECT 42'",
    "duckdb analytics.duckdb -c 'SELECT count(*) FROM events'",
    "cockroach sql --insecure --host localhost -e 'SELECT 1'",
    "usql my://root@dev-db/app -c 'SELECT 1'",
    "vsql -h vertica.prod.internal -c 'SELECT count(*) FROM facts'",
    "mysqlsh --sql root@prod-db -e 'SELECT 1'",
    "aws athena start-query-execution --query-string 'SELECT * FROM sales LIMIT 10' --work-group primary",
    "aws redshift-data execute-statement --cluster-identifier prod-warehouse --sql 'SELECT count(*) FROM events'",
    "gcloud spanner databases execute-sql orders --instance=prod-spanner --sql='SELECT 1'",
    "gcloud spanner databases execute-sql orders --instance=prod-spanner --query-mode=PLAN --sql='DELETE FROM Orders WHERE true'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a SELECT through bq on a production host is known to only read', async () => {
    const r = await check(`ssh prod-etl-1 "bq query --nouse_legacy_sql 'SELECT 1'"`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a SQL file the client runs is read when it can be', async () => {
    const readScript = (path: string) =>
      path.endsWith('/add.sql')
        ? { kind: 'text' as const, text: 'CREATE INDEX i ON t (c);' }
        : { kind: 'text' as const, text: 'DROP TABLE t;' };
    const add = await check('snowsql -c prod -f add.sql', { readScript });
    expect(add.decision.outcome, JSON.stringify(add.assessment.effects)).toBe('allow');
    const drop = await check('trino --server prod-trino:8080 -f drop.sql', { readScript });
    expect(drop.assessment.risk).toBe('high');
  });
});
