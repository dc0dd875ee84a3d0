// What az command groups hold: resource categories, and the options that name a parent resource.

/** Resource groups of commands: category, and whether deleting one loses data or a whole environment. */
const RESOURCES: [RegExp, string, boolean][] = [
  [
    /(^| )(firewall-rule|vnet-rule|rule|nsg|public-ip|vnet|subnet|lb|application-gateway|private-endpoint|nic)( |$)/,
    'network',
    false,
  ],
  [/^network (dns|private-dns) zone$/, 'dns', true],
  [/^network (dns|private-dns)/, 'dns', false],
  [/^network/, 'network', false],
  [/^group$/, 'resource-group', true],
  [/^account management-group$/, 'iam', true],
  [/^(sql|postgres|mysql|mariadb|cosmosdb|redis|synapse|kusto)( |$)/, 'database', true],
  [/^storage (account|container|share|fs|table)$/, 'bucket', true],
  [/^storage queue$/, 'queue', false],
  [/^storage/, 'bucket', false],
  [/^aks$/, 'cluster', true],
  [/^(aks|hdinsight|databricks)/, 'cluster', false],
  [/^keyvault (secret|certificate)$/, 'secret', true],
  [/^keyvault( key)?$/, 'kms', true],
  [/^keyvault/, 'kms', false],
  [/^(disk|disk-encryption-set)$/, 'volume', true],
  [/^backup vault$/, 'backup', true],
  [/^(snapshot|backup)/, 'backup', false],
  [/^(vm|vmss)( |$)/, 'instance', false],
  [/^(role|ad|identity)( |$)/, 'iam', true],
  [/^(webapp|functionapp|containerapp|appservice|spring|staticwebapp)( |$)/, 'service', false],
  [/^(servicebus|eventhubs|eventgrid|relay)( |$)/, 'queue', false],
  [/^acr/, 'repository', false],
  [/^monitor log-analytics/, 'logs', false],
  [/^(deployment|stack)( |$)/, 'stack', false],
];
export const SENSITIVE = new Set(['iam', 'kms', 'dns', 'secret']);
export const PARENT_OPTIONS = [
  '--server',
  '-s',
  '--server-name',
  '--account-name',
  '--vault-name',
  '--cluster-name',
  '--container-name',
  '-c',
  '--workspace-name',
  '--namespace-name',
  '--zone-name',
  '-z',
  '--source',
];

export function resource(groups: string): { category: string | undefined; critical: boolean } {
  for (const [re, category, critical] of RESOURCES) if (re.test(groups)) return { category, critical };
  return { category: groups.split(' ')[0], critical: false };
}
