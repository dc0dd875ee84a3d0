import { describe, expect, it } from 'vitest';
import type { Risk, ScriptFile } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Administration CLIs whose destructive forms were allowed: they delete nothing on this machine, and most
// were programs no analyzer knew (or a generic low "change"). Each case below was allowed before; the
// harmless cousins after them must stay allowed.

const heredoc = (command: string, body: string) => `${command} <<'EOF'\n${body}\nEOF`;

const ADMIN_GROUP_LDIF =
  'dn: cn=sysadmins,ou=groups,dc=acme,dc=io\nchangetype: modify\nadd: memberUid\nmemberUid: contractor1';

describe('administration CLIs that destroy data or hand out power are held', () => {
  it.each<[string, Risk]>([
    // Messaging: a broker administrator made, backlogs and topics dropped.
    [
      'rabbitmqadmin -H rabbitmq.prod.internal -u admin -p "$RABBITMQ_ADMIN_PASS" declare user name=partner-x password=Welcome1 tags=administrator',
      'high',
    ],
    ['rabbitmqadmin users declare --name partner-x --password Welcome1 --tags administrator', 'high'],
    ['rabbitmqctl set_user_tags partner-x administrator', 'high'],
    ['rabbitmqadmin declare user name=grafana password=x tags=monitoring', 'medium'],
    [
      'pulsar-admin --admin-url http://pulsar-prod-broker:8080 topics clear-backlog persistent://acme/billing/invoices -s ledger-writer',
      'high',
    ],
    ['pulsar-admin topics delete persistent://acme/billing/invoices -f', 'critical'],
    ['pulsar-admin namespaces delete acme/billing', 'critical'],
    ['pulsar-admin tenants delete acme', 'critical'],
    ['pulsar-admin topics skip-all persistent://acme/billing/invoices -s ledger-writer', 'high'],
    ['pulsar-admin persistent delete persistent://acme/billing/invoices', 'critical'],
    ['pulsar-admin sinks delete --tenant acme --namespace billing --name es-sink', 'medium'],
    // AWS settings that delete at once, or switch a second factor off.
    [
      'aws sqs set-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/prod-order-events --attributes MessageRetentionPeriod=60 --profile prod',
      'high',
    ],
    [
      `aws sqs set-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/1/orders --attributes '{"MessageRetentionPeriod":"120"}'`,
      'high',
    ],
    ['aws sqs set-queue-attributes --queue-url q --attributes MessageRetentionPeriod=7200', 'medium'],
    [
      "aws dynamodb update-time-to-live --table-name prod-orders --time-to-live-specification 'Enabled=true,AttributeName=created_at' --profile prod",
      'high',
    ],
    [
      `aws dynamodb update-time-to-live --table-name orders --time-to-live-specification '{"Enabled": true, "AttributeName": "updatedAt"}'`,
      'high',
    ],
    [
      "aws dynamodb update-time-to-live --table-name orders --time-to-live-specification 'Enabled=true,AttributeName=last_seen'",
      'medium',
    ],
    ['aws kinesis decrease-stream-retention-period --stream-name clicks --retention-period-hours 24', 'high'],
    [
      'aws cognito-idp set-user-pool-mfa-config --user-pool-id eu-west-1_AbC123 --mfa-configuration OFF --profile prod',
      'high',
    ],
    ['aws cognito-idp update-user-pool --user-pool-id eu-west-1_AbC123 --mfa-configuration OFF', 'high'],
    ['aws cognito-idp set-user-pool-mfa-config --user-pool-id p --mfa-configuration OPTIONAL', 'medium'],
    // Bigtable, Couchbase, MongoDB Atlas.
    ['cbt -project acme-prod -instance prod-bt deletetable events', 'critical'],
    ['cbt -project acme-prod -instance prod-bt deleteallrows user-profiles', 'high'],
    ['cbt -project=acme-prod -instance=prod-bt deletefamily events stats', 'high'],
    ['cbt deleteinstance prod-bt', 'critical'],
    [
      "atlas accessLists create 0.0.0.0/0 --type cidrBlock --projectId 5e2211c17a3e5a48f5497de3 --comment 'temp debug'",
      'high',
    ],
    ['atlas accesslist create 0.0.0.0/0 --type cidrBlock', 'high'],
    ['atlas clusters delete prod-cluster --force', 'critical'],
    ['atlas dbusers create --username partner --password x --role atlasAdmin', 'high'],
    ['atlas backups restores start automated --clusterName src --targetClusterName prod-main', 'critical'],
    ['atlas schema clean --url postgres://app@db.internal:5432/app --auto-approve', 'critical'],
    ['atlas schema apply -u postgres://db.internal:5432/app --to file://schema.hcl --auto-approve', 'medium'],
    ['atlas migrate down --env prod', 'high'],
    [
      'couchbase-cli bucket-flush -c couchbase-prod-1:8091 -u Administrator -p "$CB_PASSWORD" --bucket orders --force',
      'critical',
    ],
    [
      'couchbase-cli bucket-delete -c couchbase-prod-1:8091 -u Administrator -p x --bucket orders',
      'critical',
    ],
    ['couchbase-cli setting-autofailover -c cb1 -u Administrator -p x --enable-auto-failover 0', 'high'],
    [
      'couchbase-cli collection-manage -c cb1 -u Administrator -p x --bucket orders --drop-collection inventory.items',
      'high',
    ],
    [
      'couchbase-cli user-manage -c cb1 -u Administrator -p x --set --rbac-username partner --rbac-password y --roles admin --auth-domain local',
      'high',
    ],
    // Backups deleted.
    ['duplicity remove-older-than 1D --force boto3+s3://acme-prod-duplicity/etc', 'high'],
    ['duplicity remove-all-but-n-full 1 --force sftp://backup@vault.acme.io//srv/backups', 'high'],
    ['duplicity remove-all-inc-of-but-n-full 1 --force s3://acme-backups/db', 'high'],
    // Every request of a production service sent to a preview.
    [
      'gcloud run services update-traffic checkout --to-tags=pr-812=100 --region=europe-west1 --project=acme-prod',
      'high',
    ],
    ['gcloud run services update-traffic checkout --to-latest --region=europe-west1', 'medium'],
    ['gcloud run services update-traffic checkout --to-revisions=checkout-00041-abc=100', 'medium'],
    // Keycloak and LDAP: administrators made, protections off, realms and subtrees deleted.
    ['kcadm.sh add-roles -r master --uusername contractor-tmp --rolename admin', 'high'],
    [
      'kcadm.sh add-roles -r acme --uusername bob --cclientid realm-management --rolename realm-admin',
      'high',
    ],
    [
      'kcadm.sh update realms/acme -s bruteForceProtected=false -s eventsEnabled=false -s adminEventsEnabled=false',
      'high',
    ],
    ['/opt/keycloak/bin/kcadm.sh update realms/acme -s sslRequired=NONE', 'high'],
    [`kcadm.sh update clients/6f1c -r acme -s 'redirectUris=["*"]'`, 'high'],
    ['kcadm.sh delete realms/acme', 'critical'],
    ['kcadm.sh delete users/7b2e -r acme', 'high'],
    [
      'ldapdelete -r -H ldaps://ldap.acme.internal -D "cn=admin,dc=acme,dc=io" -w "$LDAP_ADMIN_PW" "ou=people,dc=acme,dc=io"',
      'critical',
    ],
    [
      'ldapdelete -x -H ldap://ldap.acme.internal -D cn=admin,dc=acme,dc=io -W uid=bob,ou=people,dc=acme,dc=io',
      'high',
    ],
    [
      heredoc('ldapmodify -H ldaps://ldap.acme.internal -D cn=admin,dc=acme,dc=io -w x', ADMIN_GROUP_LDIF),
      'high',
    ],
    [
      heredoc(
        'ldapmodify -x -D cn=admin,dc=acme,dc=io -w x',
        'dn: uid=alice,ou=people,dc=acme,dc=io\nchangetype: delete',
      ),
      'high',
    ],
    [
      heredoc(
        'ldapmodify -Y EXTERNAL -H ldapi:///',
        'dn: olcDatabase={1}mdb,cn=config\nchangetype: modify\nreplace: olcRootPW\nolcRootPW: {SSHA}abc',
      ),
      'high',
    ],
    [
      heredoc(
        'ldapadd -x -D cn=admin,dc=acme,dc=io -w x',
        'dn: cn=admins,ou=groups,dc=acme,dc=io\nobjectClass: posixGroup\ncn: admins\ngidNumber: 5000\nmemberUid: mallory',
      ),
      'high',
    ],
    [
      'ldappasswd -H ldap://ldap.acme.io -D cn=admin,dc=acme,dc=io -w x -s NewPass1 uid=bob,ou=people,dc=acme,dc=io',
      'medium',
    ],
    // The edge: a production site off Akamai, a Fastly service gone, DNS records deleted.
    ['akamai property deactivate www.acme.io --network PROD --email ops@acme.io', 'critical'],
    ['akamai pm deactivate -p www.acme.io --network production', 'critical'],
    ['fastly service delete --service-id SU1Z0isxPaozGVKXdv0eY --force', 'critical'],
    ['fastly service-version deactivate --service-id SU1Z --version active', 'high'],
    ['fastly purge --all --service-id SU1Z0isxPaozGVKXdv0eY', 'medium'],
    ['fastly kv-store delete --store-id 7xy', 'high'],
    [
      heredoc(
        'nsupdate -k /etc/bind/keys/acme.io.key',
        'server ns1.acme.io\nzone acme.io\nupdate delete acme.io MX\nsend',
      ),
      'high',
    ],
    [heredoc('nsupdate -k k.key', 'server ns1.acme.io\ndel www.acme.io.\nsend'), 'high'],
    [
      heredoc(
        'nsupdate -k k.key',
        'server ns1.acme.io\nupdate delete www.acme.io A\nupdate add www.acme.io 300 A 203.0.113.9\nsend',
      ),
      'medium',
    ],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });
});

describe('their reads, everyday purges and new resources stay allowed', () => {
  it.each([
    'rabbitmqadmin -H rabbitmq.prod.internal list queues',
    'rabbitmqadmin declare queue name=dev-orders durable=true',
    'rabbitmqadmin declare user name=app-dev password=x tags=',
    'rabbitmqctl list_users',
    'pulsar-admin --admin-url http://pulsar-prod-broker:8080 topics list acme/billing',
    'pulsar-admin topics stats persistent://acme/billing/invoices',
    'pulsar-admin topics peek-messages persistent://acme/billing/invoices -s ledger-writer -n 5',
    'pulsar-admin topics create persistent://acme/dev/scratch',
    'pulsar-admin --help',
    'aws sqs get-queue-attributes --queue-url q --attribute-names All --profile prod',
    'aws sqs set-queue-attributes --queue-url q --attributes VisibilityTimeout=60',
    'aws sqs set-queue-attributes --queue-url q --attributes MessageRetentionPeriod=1209600',
    'aws dynamodb describe-time-to-live --table-name prod-orders --profile prod',
    "aws dynamodb update-time-to-live --table-name orders --time-to-live-specification 'Enabled=false,AttributeName=created_at'",
    "aws dynamodb update-time-to-live --table-name sessions --time-to-live-specification 'Enabled=true,AttributeName=expires_at'",
    'aws cognito-idp get-user-pool-mfa-config --user-pool-id p --profile prod',
    'aws cognito-idp set-user-pool-mfa-config --user-pool-id p --mfa-configuration ON',
    'cbt -project acme-prod -instance prod-bt ls',
    'cbt -project acme-prod -instance prod-bt read events count=10',
    'cbt -project acme-prod -instance prod-bt count events',
    'cbt -project acme-dev -instance dev-bt createtable scratch',
    'atlas clusters list --projectId 5e2211c17a3e5a48f5497de3',
    'atlas accessLists list',
    'atlas accessLists create --currentIp',
    'atlas accessLists create 203.0.113.7 --type ipAddress',
    'atlas dbusers create --username app-dev --password x --role readWrite@dev',
    'atlas backups restores start download --clusterName prod-main --snapshotId 5f1',
    'atlas schema inspect --url postgres://localhost:5432/app',
    'atlas migrate status --url postgres://localhost:5432/app',
    'atlas schema apply -u postgres://localhost:5432/app --to file://schema.hcl --dry-run',
    'atlas migrate apply --env local',
    'couchbase-cli bucket-list -c couchbase-prod-1:8091 -u Administrator -p x',
    'couchbase-cli server-list -c couchbase-prod-1 -u Administrator -p x',
    'couchbase-cli bucket-create -c localhost -u Administrator -p x --bucket dev --bucket-type couchbase --bucket-ramsize 256',
    'duplicity collection-status boto3+s3://acme-prod-duplicity/etc',
    'duplicity list-current-files boto3+s3://acme-prod-duplicity/etc',
    'duplicity remove-older-than 1D boto3+s3://acme-prod-duplicity/etc',
    'duplicity --full-if-older-than 1M /etc boto3+s3://acme-prod-duplicity/etc',
    'duplicity restore boto3+s3://acme-prod-duplicity/etc /tmp/etc-restore',
    'gcloud run services describe checkout --region=europe-west1 --project=acme-prod',
    'gcloud run services update-traffic checkout --to-tags=pr-812=10 --region=europe-west1',
    'gcloud run services update-traffic checkout --update-tags=pr-812=checkout-00042-xyz',
    'kcadm.sh get realms/acme',
    'kcadm.sh get users -r acme -q username=bob',
    'kcadm.sh get-roles -r acme --uusername bob',
    'kcadm.sh config credentials --server https://sso.acme.io --realm master --user admin --password x',
    'kcadm.sh create users -r acme-dev -s username=test-user -s enabled=true',
    'kcadm.sh add-roles -r acme --uusername bob --rolename viewer',
    'ldapsearch -H ldaps://ldap.acme.internal -x -b dc=acme,dc=io uid=bob',
    'ldapwhoami -H ldaps://ldap.acme.internal -x -D cn=admin,dc=acme,dc=io -w x',
    'ldapdelete -n -r "ou=people,dc=acme,dc=io"',
    heredoc(
      'ldapmodify -x -D cn=admin,dc=acme,dc=io -w x',
      'dn: cn=developers,ou=groups,dc=acme,dc=io\nchangetype: modify\nadd: memberUid\nmemberUid: alice',
    ),
    heredoc(
      'ldapadd -x -D cn=admin,dc=acme,dc=io -w x',
      'dn: uid=alice,ou=people,dc=acme,dc=io\nobjectClass: inetOrgPerson\nuid: alice\ncn: Alice\nsn: Smith',
    ),
    'akamai purge delete https://www.acme.io/pricing',
    'akamai purge invalidate --production https://www.acme.io/pricing https://www.acme.io/',
    'akamai purge delete --tag product-1234',
    'akamai property list',
    'akamai property deactivate www.acme.io --network STAGING',
    'fastly purge --service-id SU1Z0isxPaozGVKXdv0eY --key product-1234',
    'fastly purge --service-id SU1Z0isxPaozGVKXdv0eY --url https://www.acme.io/pricing',
    'fastly service purge --service-id SU1Z --key product-1234',
    'fastly service list',
    'fastly backend delete --service-id SU1Z --version 12 --name old-origin',
    heredoc('nsupdate -k k.key', 'server ns1.acme.io\nupdate add new.acme.io 300 A 203.0.113.5\nsend'),
    heredoc('nsupdate -l', 'update add dev.local.test 60 A 127.0.0.1\nsend'),
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('LDIF and nsupdate commands read from a file', () => {
  const files: Record<string, ScriptFile> = {
    '/home/dev/project/grant.ldif': { kind: 'text', text: ADMIN_GROUP_LDIF },
    '/home/dev/project/people.ldif': {
      kind: 'text',
      text: 'version: 1\n\ndn: uid=alice,ou=people,dc=acme,dc=io\nobjectClass: inetOrgPerson\nuid: alice\ncn: Alice\nsn: S',
    },
    '/home/dev/project/dns.txt': {
      kind: 'text',
      text: 'server ns1.acme.io\nupdate delete acme.io MX\nsend\n',
    },
  };
  const readScript = (path: string): ScriptFile => files[path] ?? { kind: 'missing' };

  it.each<[string, Risk]>([
    ['ldapmodify -x -D cn=admin,dc=acme,dc=io -w x -f grant.ldif', 'high'],
    ['ldapmodify -x -D cn=admin,dc=acme,dc=io -w x < grant.ldif', 'high'],
    ['nsupdate -k k.key dns.txt', 'high'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it.each(['ldapadd -x -D cn=admin,dc=acme,dc=io -w x -f people.ldif', 'ldapmodify -x -f missing.ldif'])(
    '%s is allowed',
    async (command) => {
      const r = await check(command, { readScript });
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );

  it('an LDIF that is not read here is asked about', async () => {
    const r = await check('cat changes.ldif | ldapmodify -x -D cn=admin,dc=acme,dc=io -w x');
    expect(r.decision.outcome).not.toBe('allow');
  });
});

describe('where they land', () => {
  it.each([
    ['pulsar-admin --admin-url http://pulsar-prod-broker:8080 tenants delete acme', 'production'],
    ['couchbase-cli bucket-delete -c couchbase://cb-prod-1,cb-prod-2 -u a -p b --bucket x', 'production'],
    ['kcadm.sh delete realms/acme --server https://sso.prod.acme.io', 'production'],
    ['ldapdelete -H ldaps://ldap-prod.acme.io uid=bob,ou=people,dc=acme,dc=io', 'production'],
    ['cbt -project acme-prod deletetable events', 'production'],
    [heredoc('nsupdate', 'server ns1.staging.acme.io\nupdate delete www.acme.io A\nsend'), 'non-production'],
  ])('%s lands in %s', async (command, environment) => {
    expect((await check(command)).assessment.environment).toBe(environment);
  });
});
