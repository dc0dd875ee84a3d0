import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Platform and operations CLIs are read from tables of their subcommands, and a subcommand a table leaves
// out is unverifiable where it lands in production (src/analyzers/subcommands.ts, unlistedCall). Everyday
// work there was blocked: subscribing to a subject, a broker's report, a job's plan, logging kcadm in,
// building a Compute package. The tables now list those, and the routine changes that are undone again
// (a message published, a package deployed, tracing switched on); what runs code, deletes or resets stays
// out of them, so it stays unverifiable.

const NATS = '--server nats://prod-nats:4222';
const MQ = '-n rabbit@prod-mq';
const NOMAD = '-address=https://nomad.prod:4646';
const SSO = '--server https://sso.prod/auth';
const PULSAR = '--admin-url http://pulsar-prod:8080';
const CB = '-c couchbase-prod-1:8091 -u Administrator -p "$CB_PASSWORD"';
const BT = '-project acme-prod -instance prod-bt';

describe('everyday subcommands of operations CLIs are allowed in production', () => {
  it.each([
    // NATS
    `nats sub 'orders.>' ${NATS}`,
    `nats subscribe orders.created ${NATS}`,
    `nats stream report ${NATS}`,
    `nats consumer report ORDERS ${NATS}`,
    `nats server check jetstream ${NATS}`,
    `nats server report jetstream ${NATS}`,
    `nats account report connections ${NATS}`,
    `nats stream subjects ORDERS ${NATS}`,
    `nats kv keys config ${NATS}`,
    `nats kv history config feature.x ${NATS}`,
    `nats rtt ${NATS}`,
    `nats latency ${NATS}`,
    `nats events ${NATS}`,
    'ssh prod-web-1 nats context select prod',
    'ssh prod-web-1 nats context add prod --server nats://prod-nats:4222',
    // RabbitMQ
    `rabbitmqctl ${MQ} environment`,
    `rabbitmqctl ${MQ} report`,
    `rabbitmqctl ${MQ} cluster_status`,
    `rabbitmqctl ${MQ} await_startup`,
    `rabbitmqctl ${MQ} await_online_nodes 3`,
    `rabbitmqctl ${MQ} node_health_check`,
    `rabbitmqctl ${MQ} authenticate_user grafana "$PASS"`,
    // Pulsar
    `pulsar-admin ${PULSAR} brokers healthcheck`,
    `pulsar-admin ${PULSAR} topics peek-messages -s ledger-writer -n 5 persistent://acme/billing/invoices`,
    `pulsar-admin ${PULSAR} topics stats-internal persistent://acme/billing/invoices`,
    `pulsar-admin ${PULSAR} topics partitioned-stats persistent://acme/billing/invoices`,
    `pulsar-admin ${PULSAR} namespaces policies acme/billing`,
    `pulsar-admin ${PULSAR} namespaces topics acme/billing`,
    // Nomad
    `nomad job plan ${NOMAD} job.nomad`,
    `nomad plan ${NOMAD} job.nomad`,
    `nomad job validate ${NOMAD} job.nomad`,
    `nomad job inspect ${NOMAD} billing`,
    `nomad job allocs ${NOMAD} billing`,
    `nomad job deployments ${NOMAD} billing`,
    `nomad server members ${NOMAD}`,
    `nomad operator metrics ${NOMAD}`,
    `nomad acl token self ${NOMAD}`,
    'ssh prod-web-1 nomad fmt jobs/',
    // Keycloak
    `kcadm.sh config credentials ${SSO} --realm master --user admin`,
    `kcadm.sh config truststore --trustpass "$PASS" /etc/pki/sso.jks`,
    `kcadm.sh get realms/acme/users ${SSO} -q username=bob`,
    // Fastly
    'ssh prod-web-1 fastly compute build',
    'ssh prod-web-1 fastly compute serve',
    'ssh prod-web-1 fastly compute init --from https://github.com/fastly/compute-starter-kit-rust-default',
    'ssh prod-web-1 fastly compute pack --wasm-binary bin/main.wasm',
    'ssh prod-web-1 fastly profile create prod',
    'ssh prod-web-1 fastly profile switch prod',
    'ssh prod-web-1 fastly log-tail --service-id SU1Z',
    // Akamai
    'akamai --section production pm import -p www.acme.io',
    'akamai --section production pm merge -p www.acme.io',
    'akamai --section production pm set-default -p www.acme.io',
    'akamai --section production property retrieve www.acme.io',
    'akamai --section production dns retrieve-zone acme.io',
    // Couchbase, Bigtable, Atlas
    `couchbase-cli collect-logs-start ${CB} --all-nodes`,
    `cbt ${BT} listinstances`,
    `cbt ${BT} listclusters`,
    `cbt ${BT} listappprofile`,
    `cbt ${BT} waitforreplication events`,
    'atlas -P prod metrics processes atlas-abc-shard-00-00.mongodb.net:27017',
    'atlas -P prod logs download atlas-abc-shard-00-00.mongodb.net:27017 mongodb.gz',
    'atlas -P prod config set output json',
    'atlas migrate diff add_users --env prod',
    'atlas migrate hash --env prod',
    // Airflow on its scheduler, and New Relic
    'ssh prod-sched-1 airflow dags reserialize',
    'ssh prod-sched-1 airflow tasks render billing_daily load 2024-01-01',
    'ssh prod-sched-1 airflow tasks failed-deps billing_daily load 2024-01-01',
    'ssh prod-sched-1 airflow db check-migrations',
    'ssh prod-sched-1 airflow providers hooks',
    'ssh prod-sched-1 airflow plugins',
    'ssh prod-web-1 newrelic profile add --profile prod --apiKey NRAK-0000000000 --region US',
    'ssh prod-web-1 newrelic profile default --profile prod',
    'ssh prod-web-1 newrelic decode url https://one.newrelic.com/launcher/x',
    'ssh prod-web-1 newrelic entity search --name checkout',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).not.toContain('execute-unverifiable');
  });
});

describe('routine changes that are undone again are allowed, at low risk, in production', () => {
  it.each([
    `nats pub orders.created '{"id":1}' ${NATS}`,
    `nats req orders.status '{"id":1}' ${NATS}`,
    `nats request orders.status '{"id":1}' ${NATS}`,
    `nats kv put config feature.x on ${NATS}`,
    `nats req '$JS.API.STREAM.INFO.ORDERS' '' ${NATS}`,
    `nats kv create config feature.y on ${NATS}`,
    `nats kv update config feature.x off 12 ${NATS}`,
    `nats obj put assets ./logo.png ${NATS}`,
    `nats consumer pause ORDERS billing 2030-01-01T00:00:00Z ${NATS}`,
    `nats consumer resume ORDERS billing ${NATS}`,
    `rabbitmqctl ${MQ} trace_on`,
    `rabbitmqctl ${MQ} trace_off`,
    `rabbitmqctl ${MQ} set_log_level debug`,
    `rabbitmqctl ${MQ} start_app`,
    `rabbitmqctl ${MQ} rotate_logs`,
    'rabbitmqadmin -H rabbitmq.prod.internal declare queue name=orders durable=true',
    `pulsar-admin ${PULSAR} topics unload persistent://acme/billing/invoices`,
    `nomad job dispatch ${NOMAD} billing-report`,
    `nomad job periodic force ${NOMAD} nightly-export`,
    `nomad deployment promote ${NOMAD} 1f2e`,
    `nomad job eval ${NOMAD} billing`,
    `nomad var put ${NOMAD} nomad/jobs/billing log_level=debug`,
    'ssh prod-web-1 fastly compute deploy',
    'ssh prod-web-1 fastly compute publish',
    'ssh prod-web-1 fastly compute update --service-id SU1Z --version 4 --package pkg/app.tar.gz',
    'akamai --section production pm save -p www.acme.io',
    'akamai --section production edgeworkers upload 4242 --bundle ew.tgz',
    `couchbase-cli bucket-compact ${CB} --bucket orders`,
    'atlas -P prod alerts acknowledge 5f1 --until 2030-01-01T00:00:00Z',
    'atlas -P prod clusters start prod-main',
    'ssh prod-sched-1 airflow dags trigger billing_daily',
    'ssh prod-sched-1 airflow variables set billing_batch_size 500',
    'ssh prod-sched-1 airflow pools set etl 8 "ETL slots"',
    'ssh prod-web-1 newrelic apm deployment create --applicationId 12345678 --revision v2.4.1',
    'ssh prod-web-1 newrelic entity tags create --guid abc --tag team:billing',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.risk).toBe('low');
  });
});

describe('what runs code, deletes, resets or is not known stays held in production', () => {
  it.each([
    `rabbitmqctl ${MQ} eval 'halt().'`,
    `rabbitmqctl ${MQ} export_definitions /tmp/defs.json`,
    `rabbitmqctl ${MQ} set_policy max-len '.*' '{"max-length":1}'`,
    'ssh prod-web-1 nats frobnicate',
    `nats bench orders ${NATS} --pub 10 --msgs 1000000`,
    `nats consumer next ORDERS billing ${NATS}`,
    `nats server request kick 42 ${NATS}`,
    `nomad alloc exec ${NOMAD} 1f2e sh`,
    `nomad job restart ${NOMAD} billing`,
    `nomad job action ${NOMAD} -job billing flush-cache`,
    `kcadm.sh frobnicate ${SSO}`,
    'ssh prod-web-1 fastly service-version activate --service-id SU1Z --version 3',
    'ssh prod-web-1 fastly update',
    'akamai --section production install purge',
    `pulsar-admin ${PULSAR} topics compact persistent://acme/billing/invoices`,
    `pulsar-admin ${PULSAR} functions trigger --name enrich --trigger-value x`,
    `couchbase-cli server-eshell ${CB}`,
    `cbt ${BT} set users r1 f:c=1`,
    `cbt ${BT} import events events.csv`,
    'atlas migrate apply --env prod',
    'ssh prod-sched-1 airflow tasks run billing_daily load 2024-01-01',
    'ssh prod-sched-1 airflow tasks test billing_daily load 2024-01-01',
    'ssh prod-sched-1 airflow dags test billing_daily 2024-01-01',
    'ssh prod-sched-1 airflow db shell',
    'ssh prod-sched-1 airflow dags list -S /tmp/dags',
    'ssh prod-web-1 newrelic install -n nginx-open-source-integration',
  ])('%s is unverifiable', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('deny');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    `nats stream purge ORDERS ${NATS}`,
    `nats sub 'orders.>' --queue billing-workers ${NATS}`,
    `nats sub orders.created --stream ORDERS --durable billing --ack ${NATS}`,
    `nats reply orders.quote ok ${NATS}`,
    `nats req '$JS.API.STREAM.DELETE.ORDERS' '' ${NATS}`,
    `nats pub '$JS.API.STREAM.PURGE.ORDERS' '' ${NATS}`,
    `nats req '$JS.API.CONSUMER.DURABLE.CREATE.ORDERS.x' '{}' ${NATS}`,
    `rabbitmqctl ${MQ} reset`,
    `rabbitmqctl ${MQ} stop_app`,
    `nomad job stop -purge ${NOMAD} billing`,
    `kcadm.sh delete realms/acme ${SSO}`,
    'ssh prod-web-1 fastly profile delete prod',
    'ssh prod-web-1 newrelic profile delete --profile prod',
    `cbt ${BT} deletetable events`,
    'ssh prod-sched-1 airflow db reset -y',
    'akamai --section production pm activate -p www.acme.io --network production',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
