import { value, type CloudArgs } from './common.js';

// Granting a role that can only read (AWS's ReadOnlyAccess, GCP's roles/viewer, Azure's Reader) changes
// who may look, not who may change or delete: rated low, where other access changes are asked about.
// Administrator, owner and editor roles, custom policies and inline documents keep their rating.

/** AWS managed policies that only read: ReadOnlyAccess, ViewOnlyAccess, SecurityAudit, AmazonS3ReadOnlyAccess… */
const AWS_READ_ONLY =
  /:policy\/(job-function\/)?(ReadOnlyAccess|ViewOnlyAccess|SecurityAudit|\w+ReadOnly(Access)?)$/;
/** GCP predefined roles that only read: roles/viewer, roles/browser, roles/<service>.viewer. */
const GCP_READ_ONLY = /^roles\/(viewer|browser|[\w.]+\.viewer)$/;
/** Azure built-in roles that only read: Reader, "Storage Blob Data Reader", "Monitoring Reader"… */
const AZURE_READ_ONLY = /^([\w ]+ )?Reader$/;

export function awsReadOnlyGrant(service: string, op: string, args: CloudArgs): boolean {
  return (
    service === 'iam' &&
    /^attach-(user|group|role)-policy$/.test(op) &&
    AWS_READ_ONLY.test(value(args, '--policy-arn') ?? '')
  );
}

/** Read-only to someone named: never to `allUsers` or `allAuthenticatedUsers` (see exposure.ts). */
export function gcloudReadOnlyGrant(verb: string, args: CloudArgs): boolean {
  return (
    verb === 'add-iam-policy-binding' &&
    GCP_READ_ONLY.test(value(args, '--role') ?? '') &&
    !/^(allUsers|allAuthenticatedUsers)$/.test(value(args, '--member') ?? '')
  );
}

export function azureReadOnlyGrant(groups: string, verb: string, args: CloudArgs): boolean {
  return (
    groups === 'role assignment' && verb === 'create' && AZURE_READ_ONLY.test(value(args, '--role') ?? '')
  );
}
