import { describe, expect, it } from 'vitest';
import type { EnvironmentClass, Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Admin APIs called with curl (and NerdGraph through the newrelic CLI) that destroy data, grant power or
// switch off a safety net (src/analyzers/http/solr.ts, okta.ts, alerting.ts, tailscale.ts, nerdgraph.ts):
// each was allowed as a GET or a POST that creates. Their reads, and a snapshot taken, stay allowed.

const OKTA = '-H "Authorization: SSWS $OKTA_API_TOKEN"';
const DD = '-H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY"';
const GENIE = '-H "Authorization: GenieKey $OPSGENIE_API_KEY"';
const JSON_TYPE = "-H 'Content-Type: application/json'";

describe('admin API calls that destroy data, grant power or switch off a safety net are held', () => {
  it.each<[string, Risk, EnvironmentClass]>([
    // Solr: its admin API acts on a GET; its update handler deletes what the body says.
    [
      "curl 'http://solr-prod-1:8983/solr/admin/collections?action=DELETE&name=products'",
      'critical',
      'production',
    ],
    [
      "curl -G 'http://solr-prod-1:8983/solr/admin/collections' -d action=DELETE -d name=products",
      'critical',
      'production',
    ],
    ["curl -X DELETE 'http://solr-prod-1:8983/api/collections/products'", 'critical', 'production'],
    [
      "curl 'http://solr-prod-1:8983/solr/admin/cores?action=UNLOAD&core=catalog&deleteIndex=true'",
      'critical',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/admin/collections?action=DELETEBACKUP&name=nightly&location=/backups&maxNumBackupPoints=0'",
      'critical',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/admin/collections?action=DELETESHARD&collection=products&shard=shard1'",
      'high',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/admin/configs?action=DELETE&name=products_conf'",
      'high',
      'production',
    ],
    ["curl 'http://solr-prod-1:8983/solr/admin/cores?action=UNLOAD&core=catalog'", 'medium', 'production'],
    [
      "curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' --data-binary '<delete><query>*:*</query></delete>'",
      'critical',
      'production',
    ],
    [
      `curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' ${JSON_TYPE} -d '{"delete":{"query":"*:*"}}'`,
      'critical',
      'production',
    ],
    [
      `curl 'http://solr-prod-1:8983/solr/catalog/update/json?commit=true' -d '{"delete":{"query":"id:[* TO *]"}}'`,
      'critical',
      'production',
    ],
    [
      `curl 'http://solr-prod-1:8983/solr/catalog/update' -d '{"delete":{"id":"1"},"delete":{"query":"*:*"}}'`,
      'critical',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' -d '<update><delete><query><![CDATA[*:*]]></query></delete></update>'",
      'critical',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' -d '<delete><query>category:discontinued</query></delete>'",
      'high',
      'production',
    ],
    [
      "curl 'http://solr-prod-1:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' -d '<delete><id>SKU-1</id><id>SKU-2</id></delete>'",
      'high',
      'production',
    ],
    // Okta: admin roles granted, policies, users and apps deactivated or deleted.
    [
      `curl -X POST "https://acme.okta.com/api/v1/users/00u9z8y7x6w5v4u3t2s1/roles" ${OKTA} ${JSON_TYPE} -d '{"type":"SUPER_ADMIN"}'`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST "$OKTA_ORG_URL/api/v1/groups/00g1abc/roles" ${OKTA} -d '{"type":"ORG_ADMIN"}'`,
      'high',
      'unknown',
    ],
    [
      `http POST acme.okta.com/api/v1/users/00u1/roles "Authorization:SSWS $OKTA_API_TOKEN" type=SUPER_ADMIN`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST "https://acme.okta.com/api/v1/policies/00p1mfaenroll0001/lifecycle/deactivate" ${OKTA}`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST "https://acme.okta.com/api/v1/policies/00p1/rules/0pr1/lifecycle/deactivate" ${OKTA}`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST "https://acme.okta.com/api/v1/users/00u9z8y7x6w5v4u3t2s1/lifecycle/deactivate" ${OKTA}`,
      'high',
      'unknown',
    ],
    [`curl -X DELETE "https://acme.okta.com/api/v1/users/00u9z8y7x6w5v4u3t2s1" ${OKTA}`, 'high', 'unknown'],
    [`curl -X POST "https://acme.okta.com/api/v1/apps/0oa1/lifecycle/deactivate" ${OKTA}`, 'high', 'unknown'],
    [
      `curl -X POST "https://acme-admin.oktapreview.com/api/v1/users/00u1/lifecycle/reset_factors" ${OKTA}`,
      'medium',
      'unknown',
    ],
    // Datadog and Opsgenie: alerting switched off.
    [
      `curl -X POST https://api.datadoghq.com/api/v2/downtime ${DD} ${JSON_TYPE} -d '{"data":{"type":"downtime","attributes":{"scope":"env:production","monitor_identifier":{"monitor_tags":["*"]}}}}'`,
      'high',
      'production',
    ],
    [`curl -X POST https://api.datadoghq.eu/api/v1/downtime ${DD} -d '{"scope":"*"}'`, 'high', 'unknown'],
    [
      `curl -X POST https://api.datadoghq.com/api/v2/downtime ${DD} -d '{"data":{"attributes":{"scope":"env:staging","monitor_identifier":{"monitor_tags":["*"]}}}}'`,
      'medium',
      'unknown',
    ],
    [
      `curl -X POST https://api.datadoghq.com/api/v1/downtime ${DD} -d '{"scope":["env:prod"],"monitor_tags":["service:checkout"]}'`,
      'medium',
      'production',
    ],
    [`curl -X POST https://api.datadoghq.com/api/v1/downtime ${DD} -d @downtime.json`, 'medium', 'unknown'],
    [`curl -X POST https://api.datadoghq.com/api/v1/monitor/mute_all ${DD}`, 'high', 'unknown'],
    [
      `curl -X POST "https://api.opsgenie.com/v2/integrations/8418d193-2dab-4490-b331-8c02cdd196b7/disable" ${GENIE}`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST "https://api.eu.opsgenie.com/v2/heartbeats/nightly-backup/disable" ${GENIE}`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST https://api.opsgenie.com/v1/maintenance ${GENIE} -d '{"time":{"type":"indefinitely"},"rules":[{"state":"disabled","entity":{"id":"8418d193","type":"integration"}}]}'`,
      'high',
      'unknown',
    ],
    // Tailscale: the tailnet's policy file replaced.
    [
      `curl -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl -u "$TS_API_KEY:" ${JSON_TYPE} -d '{"acls":[{"action":"accept","src":["*"],"dst":["*:*"]}]}'`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST https://api.tailscale.com/api/v2/tailnet/-/acl -u "$TS_API_KEY:" -d '{"grants":[{"src":["autogroup:member"],"dst":["*"],"ip":["*"]},], /* open */ }'`,
      'high',
      'unknown',
    ],
    [
      `curl -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl -u "$TS_API_KEY:" ${JSON_TYPE} -d @acl.json`,
      'medium',
      'unknown',
    ],
    [
      `curl -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl -u "$TS_API_KEY:" -d '{"acls":[{"action":"accept","src":["group:eng"],"dst":["tag:web:443"]}]}'`,
      'medium',
      'unknown',
    ],
    // New Relic's NerdGraph: mutations, through the CLI or the endpoint.
    [
      "newrelic nerdgraph query 'mutation { alertsPolicyDelete(accountId: 1234567, id: 987654) { id } }'",
      'high',
      'unknown',
    ],
    [
      `curl -X POST https://api.newrelic.com/graphql -H "API-Key: $NEW_RELIC_API_KEY" ${JSON_TYPE} -d '{"query":"mutation { alertsPolicyDelete(accountId: 1234567, id: 987654) { id } }"}'`,
      'high',
      'unknown',
    ],
    [
      'newrelic nerdgraph query \'mutation($c: AlertsNrqlConditionUpdateStaticInput!) { alertsNrqlConditionStaticUpdate(accountId: 1, id: 2, condition: $c) { id } }\' --variables \'{"c": {"enabled": false}}\'',
      'high',
      'unknown',
    ],
    [
      'newrelic nerdgraph query \'mutation { authorizationManagementGrantAccess(grantAccessOptions: {groupId: "g", accountAccessGrants: {accountId: 1, roleId: 2}}) { roles { id } } }\'',
      'high',
      'unknown',
    ],
    [
      'newrelic nerdgraph query \'mutation { alertsMutingRuleCreate(accountId: 1, rule: {name: "all", enabled: true}) { id } }\'',
      'medium',
      'unknown',
    ],
    [
      'newrelic --profile production nerdgraph query \'mutation { dashboardDelete(guid: "abc") { status } }\'',
      'high',
      'production',
    ],
    ['newrelic nerdgraph query "$DOC"', 'medium', 'unknown'],
  ])('%s (%s, %s)', async (command, risk, environment) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.assessment.environment, JSON.stringify(r.assessment.effects)).toBe(environment);
  });

  it('says what is gone, and where', async () => {
    const r = await check(
      "curl 'http://solr-prod-1:8983/solr/admin/collections?action=DELETE&name=products'",
    );
    expect(r.assessment.effects[0]).toMatchObject({
      operation: 'delete',
      tool: 'curl',
      category: 'database',
    });
    expect(r.assessment.effects[0]?.reason).toContain('deletes the Solr collection products');
  });

  it('an Elasticsearch snapshot is still held when deleted or restored', async () => {
    for (const command of [
      "curl -X DELETE 'https://es-prod.internal:9200/_snapshot/s3-backups/pre-reindex-2026.12.01'",
      "curl -X POST 'https://es-prod.internal:9200/_snapshot/s3-backups/pre-reindex-2026.12.01/_restore'",
      "curl -X DELETE 'https://es-prod.internal:9200/products'",
    ]) {
      const r = await check(command);
      expect(r.assessment.risk, command).toBe('critical');
    }
  });
});

describe('their reads, and what only adds or backs up, are allowed', () => {
  it.each([
    "curl 'http://solr-prod-1:8983/solr/catalog/select?q=*:*&rows=10'",
    "curl 'http://solr-prod-1:8983/solr/catalog/admin/ping'",
    "curl 'http://solr-prod-1:8983/solr/admin/collections?action=CLUSTERSTATUS'",
    "curl 'http://solr-prod-1:8983/solr/admin/cores?action=STATUS&core=catalog'",
    "curl -X POST 'http://solr-prod-1:8983/solr/catalog/select' -d 'q=*:*'",
    `curl 'http://localhost:8983/solr/catalog/update?commit=true' ${JSON_TYPE} -d '[{"id":"1","title":"delete me"}]'`,
    "curl 'http://localhost:8983/solr/catalog/update?commit=true' -H 'Content-Type: text/xml' -d '<add><doc><field name=\"id\">1</field></doc></add>'",
    `curl "https://acme.okta.com/api/v1/users?limit=25" ${OKTA}`,
    `curl "https://acme.okta.com/api/v1/users/00u1/roles" ${OKTA}`,
    `curl "https://acme.okta.com/api/v1/policies?type=OKTA_SIGN_ON" ${OKTA}`,
    `curl -X POST "https://acme.okta.com/api/v1/users/00u1/lifecycle/activate?sendEmail=false" ${OKTA}`,
    `curl https://api.datadoghq.com/api/v1/monitor ${DD}`,
    `curl https://api.datadoghq.com/api/v2/downtime ${DD}`,
    `curl -X POST https://api.datadoghq.com/api/v2/downtime ${DD} ${JSON_TYPE} -d '{"data":{"type":"downtime","attributes":{"scope":"env:staging","monitor_identifier":{"monitor_id":123456}}}}'`,
    `curl -X DELETE https://api.datadoghq.com/api/v2/downtime/00000000-0000-1234-0000-000000000000 ${DD}`,
    `curl https://api.opsgenie.com/v2/alerts ${GENIE}`,
    `curl -X POST https://api.opsgenie.com/v2/alerts/abc/acknowledge ${GENIE} ${JSON_TYPE} -d '{"note":"on it"}'`,
    `curl https://api.tailscale.com/api/v2/tailnet/acme.com/acl -u "$TS_API_KEY:"`,
    `curl -X POST https://api.tailscale.com/api/v2/tailnet/acme.com/acl/validate -u "$TS_API_KEY:" -d @acl.json`,
    "newrelic nerdgraph query 'query { actor { user { name } } }'",
    'newrelic nerdgraph query \'{ actor { account(id: 1) { nrql(query: "SELECT count(*) FROM Transaction") { results } } } }\'',
    'newrelic nerdgraph query \'query($guid: EntityGuid!) { actor { entity(guid: $guid) { name } } }\' --variables \'{"guid": "abc"}\'',
    "newrelic nrql query --accountId 1 --query 'SELECT count(*) FROM Transaction'",
    `curl -X POST https://api.newrelic.com/graphql -H "API-Key: $NEW_RELIC_API_KEY" ${JSON_TYPE} -d '{"query":"{ actor { user { name } } }"}'`,
    "curl -X PUT 'https://es-prod.internal:9200/_snapshot/s3-backups/pre-reindex-2026.12.01?wait_for_completion=false'",
    "curl -X POST 'https://es-prod.internal:9200/_snapshot/s3-backups/nightly'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

// _reindex writes every source document into its destination, over those of the same id already there.
describe('Elasticsearch _reindex', () => {
  it.each<[string, EnvironmentClass]>([
    [
      `curl -XPOST http://es.prod.internal:9200/_reindex -H 'Content-Type: application/json' -d '{"source":{"index":"orders-old"},"dest":{"index":"orders"}}'`,
      'production',
    ],
    [
      `curl -s -X POST 'https://search.staging.internal:9200/_reindex?wait_for_completion=false' -d '{"source":{"index":"a"},"dest":{"index":"b"}}'`,
      'non-production',
    ],
  ])('%s replaces documents of the destination', async (command, environment) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['replace', 'high']);
    expect(r.assessment.environment).toBe(environment);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    `curl -XPOST http://es.prod.internal:9200/_reindex -d '{"source":{"index":"orders"},"dest":{"index":"orders-v2","op_type":"create"}}'`,
    `curl -XPOST http://es.prod.internal:9200/orders/_search -d '{"query":{"match_all":{}}}'`,
  ])('%s only adds, or reads: allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
