import { keysOf } from './aws-settings.js';
import { anyAddress, has, switchOn, value, values, type CloudArgs } from './common.js';

// Settings that put a database, a bucket or a port in reach of the whole internet, by cloud: `aws rds
// modify-db-instance --publicly-accessible`, `gcloud sql instances patch --authorized-networks=0.0.0.0/0`,
// `az network nsg rule create --source-address-prefixes '*'`, `az storage account update
// --allow-blob-public-access true`. Each was a low-risk change, allowed. Each returns what it opens, or
// undefined. (AWS security groups and gcloud firewall rules: aws-rules.ts, gcloud.ts.)

/** Azure's words for "any source": `*`, `Internet`, `Any`, or a /0 range. */
const AZURE_ANY = (text: string) => /^(\*|internet|any)$/i.test(text.trim()) || anyAddress(text);

/**
 * `aws rds|redshift|docdb|neptune … --publicly-accessible`: a public address on the database; `aws s3 cp …
 * --acl public-read`: a public object; a snapshot or image shared with `all`: anyone may copy the disk.
 */
export function awsExposure(service: string, op: string, args: CloudArgs): string | undefined {
  if (service === 's3' && /^(cp|mv|sync)$/.test(op)) {
    const acl = value(args, '--acl') ?? '';
    if (/^public-read(-write)?$/.test(acl)) return `what it uploads to anyone (--acl ${acl})`;
    if (values(args, '--grants').some((g) => /global\/(AllUsers|AuthenticatedUsers)/.test(g)))
      return 'what it uploads to anyone (--grants … AllUsers)';
  }
  if (/^modify-(snapshot|image|db-snapshot|db-cluster-snapshot)-attribute$/.test(op)) {
    const shared = [
      ...values(args, '--group-names', '--values-to-add'),
      ...values(args, '--launch-permission', '--create-volume-permission'),
    ];
    if (shared.some((v) => /(^|[=\s,"])all([\s,"}\]]|$)/i.test(v)))
      return 'the disk image to every AWS account';
  }
  if (service === 'eks') return eksEndpoint(op, args);
  if (!/^(rds|redshift|docdb|neptune|dms)$/.test(service)) return undefined;
  if (!/^(create|modify|restore)-/.test(op) || !switchOn(args, '--publicly-accessible')) return undefined;
  return 'the database to the internet (--publicly-accessible)';
}

/**
 * `aws eks create-cluster|update-cluster-config --resources-vpc-config endpointPublicAccess=true,…`: the
 * cluster's API server reachable from publicAccessCidrs, every address unless they are given.
 * endpointPrivateAccess=true or endpointPublicAccess=false only close it.
 */
function eksEndpoint(op: string, args: CloudArgs): string | undefined {
  if (op !== 'create-cluster' && op !== 'update-cluster-config') return undefined;
  const config = keysOf(args, '--resources-vpc-config');
  const publicAccess = config.get('endpointPublicAccess')?.toLowerCase();
  const cidrs = config.get('publicAccessCidrs');
  const anywhere = cidrs === undefined ? publicAccess === 'true' : anyAddress(cidrs);
  return publicAccess !== 'false' && anywhere ? "the cluster's Kubernetes API to the internet" : undefined;
}

/** `gcloud sql instances create|patch --authorized-networks=0.0.0.0/0`, `--assign-ip` with it. */
export function gcloudExposure(groups: string, verb: string, args: CloudArgs): string | undefined {
  // Any role bound to everyone: what the resource lets its members do, anyone on the internet may.
  if (
    verb === 'add-iam-policy-binding' &&
    values(args, '--member').some((m) => /^(allUsers|allAuthenticatedUsers)$/.test(m))
  )
    return `${groups} to anyone on the internet (${value(args, '--role') ?? 'a role'} for allUsers)`;
  if (groups !== 'sql instances' || !/^(create|patch|clone)$/.test(verb)) return undefined;
  const networks = values(args, '--authorized-networks').flatMap((v) => v.split(','));
  return networks.some(anyAddress) ? 'the database to any address (--authorized-networks)' : undefined;
}

/** NSG rules from anywhere, SQL firewall rules over every address, public blob access. */
export function azureExposure(groups: string, verb: string, args: CloudArgs): string | undefined {
  if (!/^(create|update|set|set-permission)$/.test(verb)) return undefined;
  if (groups === 'network nsg rule') {
    const inbound = !/^outbound$/i.test(value(args, '--direction') ?? 'Inbound');
    const allows = !/^deny$/i.test(value(args, '--access') ?? 'Allow');
    // With no source given, the CLI lets in '*'.
    const sources = values(args, '--source-address-prefixes', '--source-address-prefix');
    const anywhere = sources.length === 0 ? verb === 'create' : sources.some(AZURE_ANY);
    if (!inbound || !allows || !anywhere) return undefined;
    const ports = values(args, '--destination-port-ranges', '--destination-port-range').join(',') || '*';
    return `ports ${ports} to any address`;
  }
  if (/^(sql|postgres|mysql|mariadb)( flexible-server)?( server)? firewall-rule$/.test(groups)) {
    const start = value(args, '--start-ip-address');
    const end = value(args, '--end-ip-address');
    return start === '0.0.0.0' && end === '255.255.255.255' ? 'the server to every address' : undefined;
  }
  if (groups === 'storage account' && switchOn(args, '--allow-blob-public-access'))
    return "the account's blobs to anonymous reads (--allow-blob-public-access)";
  if (groups === 'storage container' && /^(blob|container)$/i.test(value(args, '--public-access') ?? ''))
    return 'the container to anonymous reads (--public-access)';
  return has(args, '--public-network-access') &&
    /^enabled$/i.test(value(args, '--public-network-access') ?? '') &&
    /^(sql server|postgres|mysql|cosmosdb|keyvault|redis)/.test(groups)
    ? 'the service to public networks (--public-network-access Enabled)'
    : undefined;
}
