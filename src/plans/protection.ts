// Protection facts a Terraform plan shows: deletion protection, final snapshots, force_destroy, versioning,
// recovery windows. Read from the object's values, never from a value the plan marks sensitive.
//
// Terraform's own `lifecycle { prevent_destroy = true }` is not in plan JSON. Terraform refuses to plan
// the destruction of such a resource, so a delete that appears in a plan is not guarded by it.

import type { ProtectionFact, ProtectionKind } from './types.js';

type Step = string | number;

interface Rule {
  kind: ProtectionKind;
  path: readonly Step[];
  /** Whether the value protects the data; undefined when the value says nothing (null, unknown shape). */
  protects(value: unknown): boolean | undefined;
  note(value: unknown, protects: boolean): string;
}

const isTrue = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const isFalse = (v: unknown) => (typeof v === 'boolean' ? !v : undefined);
const nonEmpty = (v: unknown) => (v === null || v === '' ? false : typeof v === 'string' ? true : undefined);
const equals = (want: string) => (v: unknown) => (typeof v === 'string' ? v === want : undefined);
const positive = (v: unknown) => (typeof v === 'number' ? v > 0 : undefined);

const deletionProtection = (path: readonly Step[], protects = isTrue): Rule => ({
  kind: 'deletion-protection',
  path,
  protects,
  note: (_v, on) =>
    on ? 'deletion protection on: the delete fails until it is turned off' : 'deletion protection off',
});

const skipFinalSnapshot: Rule = {
  kind: 'final-snapshot',
  path: ['skip_final_snapshot'],
  protects: isFalse,
  note: (_v, taken) => (taken ? 'a final snapshot is taken' : 'no final snapshot (skip_final_snapshot)'),
};

const finalSnapshotName = (attribute: string): Rule => ({
  kind: 'final-snapshot',
  path: [attribute],
  protects: nonEmpty,
  note: (_v, taken) => (taken ? 'a final snapshot is taken' : 'no final snapshot'),
});

const forceDestroy = (attribute: string, what: string): Rule => ({
  kind: 'force-destroy',
  path: [attribute],
  protects: isFalse,
  note: (_v, safe) => (safe ? `${attribute} off: a non-empty one is not deleted` : `${attribute}: ${what}`),
});

const versioning = (path: readonly Step[], protects: (v: unknown) => boolean | undefined = isTrue): Rule => ({
  kind: 'versioning',
  path,
  protects,
  note: (_v, on) => (on ? 'versioning on' : 'versioning off: overwritten or deleted objects are gone'),
});

const recoveryWindow = (attribute: string, unit = 'days'): Rule => ({
  kind: 'recovery-window',
  path: [attribute],
  protects: positive,
  note: (v, on) =>
    on ? `recoverable for ${String(v)} ${unit} after deletion` : `${attribute} 0: deleted at once`,
});

const skipDestroy: Rule = {
  kind: 'skip-destroy',
  path: ['skip_destroy'],
  protects: isTrue,
  note: (_v, on) => (on ? 'skip_destroy: only removed from state, the data is kept' : 'skip_destroy off'),
};

const RULES: Readonly<Record<string, readonly Rule[]>> = {
  aws_db_instance: [deletionProtection(['deletion_protection']), skipFinalSnapshot],
  aws_rds_cluster: [deletionProtection(['deletion_protection']), skipFinalSnapshot],
  aws_docdb_cluster: [deletionProtection(['deletion_protection']), skipFinalSnapshot],
  aws_neptune_cluster: [deletionProtection(['deletion_protection']), skipFinalSnapshot],
  aws_redshift_cluster: [skipFinalSnapshot],
  aws_qldb_ledger: [deletionProtection(['deletion_protection'])],
  aws_dynamodb_table: [deletionProtection(['deletion_protection_enabled'])],
  aws_cognito_user_pool: [deletionProtection(['deletion_protection'], equals('ACTIVE'))],
  aws_elasticache_cluster: [finalSnapshotName('final_snapshot_identifier')],
  aws_elasticache_replication_group: [finalSnapshotName('final_snapshot_identifier')],
  aws_memorydb_cluster: [finalSnapshotName('final_snapshot_name')],
  aws_ebs_volume: [
    {
      kind: 'final-snapshot',
      path: ['final_snapshot'],
      protects: isTrue,
      note: (_v, taken) => (taken ? 'a final snapshot is taken' : 'no final snapshot'),
    },
  ],
  aws_s3_bucket: [
    forceDestroy('force_destroy', 'every object is deleted with the bucket'),
    versioning(['versioning', 0, 'enabled']),
  ],
  aws_s3_bucket_versioning: [versioning(['versioning_configuration', 0, 'status'], equals('Enabled'))],
  aws_ecr_repository: [forceDestroy('force_delete', 'every image is deleted with the repository')],
  aws_route53_zone: [forceDestroy('force_destroy', 'every record is deleted with the zone')],
  aws_backup_vault: [forceDestroy('force_destroy', 'every recovery point is deleted with the vault')],
  aws_kms_key: [recoveryWindow('deletion_window_in_days')],
  aws_kms_replica_key: [recoveryWindow('deletion_window_in_days')],
  aws_secretsmanager_secret: [recoveryWindow('recovery_window_in_days')],
  aws_cloudwatch_log_group: [skipDestroy],
  google_sql_database_instance: [
    deletionProtection(['deletion_protection']),
    deletionProtection(['settings', 0, 'deletion_protection_enabled']),
  ],
  google_container_cluster: [deletionProtection(['deletion_protection'])],
  google_bigquery_table: [deletionProtection(['deletion_protection'])],
  google_bigquery_dataset: [
    forceDestroy('delete_contents_on_destroy', 'every table is deleted with the dataset'),
  ],
  google_spanner_database: [deletionProtection(['deletion_protection'])],
  google_bigtable_instance: [deletionProtection(['deletion_protection'])],
  google_bigtable_table: [deletionProtection(['deletion_protection'], equals('PROTECTED'))],
  google_firestore_database: [
    deletionProtection(['delete_protection_state'], equals('DELETE_PROTECTION_ENABLED')),
  ],
  google_storage_bucket: [
    forceDestroy('force_destroy', 'every object is deleted with the bucket'),
    versioning(['versioning', 0, 'enabled']),
  ],
  azurerm_key_vault: [
    recoveryWindow('soft_delete_retention_days'),
    deletionProtection(['purge_protection_enabled']),
  ],
};

/** Whether a type has protection rules at all (most do not: the caller skips them cheaply). */
export function hasProtectionRules(type: string): boolean {
  return RULES[type] !== undefined;
}

function at(value: unknown, path: readonly Step[]): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** A sensitivity mask (before_sensitive / after_sensitive) marks a path when it or any parent is `true`. */
export function isSensitive(mask: unknown, path: readonly Step[]): boolean {
  let m = mask;
  for (const step of path) {
    if (m === true) return true;
    if (m === null || typeof m !== 'object') return false;
    m = (m as Record<string | number, unknown>)[step];
  }
  return m === true;
}

function attributeName(path: readonly Step[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function shortValue(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The protection facts of one object (a change's before or after value). */
export function protectionFacts(type: string, values: unknown, sensitive: unknown): ProtectionFact[] {
  const rules = RULES[type];
  if (!rules || values === null || typeof values !== 'object') return [];
  const facts: ProtectionFact[] = [];
  for (const rule of rules) {
    if (isSensitive(sensitive, rule.path)) continue;
    const value = at(values, rule.path);
    const protects = rule.protects(value);
    if (protects === undefined) continue;
    facts.push({
      kind: rule.kind,
      attribute: attributeName(rule.path),
      value: rule.kind === 'final-snapshot' && typeof value === 'string' ? 'set' : shortValue(value),
      protects,
      note: rule.note(value, protects),
    });
  }
  return facts;
}

/** Protection the change turns off: protective before, not protective after. */
export function weakenedProtection(before: ProtectionFact[], after: ProtectionFact[]): ProtectionFact[] {
  return after.filter((a) => !a.protects && before.some((b) => b.attribute === a.attribute && b.protects));
}
