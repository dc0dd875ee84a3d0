import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;

// Object-store CLIs: MinIO's mc, azcopy, s5cmd. Placed by the alias, bucket or container name (a name may
// raise to production, never lower) and by the endpoint; with no such fact, unknown (treated as production).
export const objectStoresCorpus: LabelledCommand[] = [
  d('mc rm --recursive --force myminio/uploads', { minRisk: 'high', target: 'myminio/uploads' }),
  d('mc rm --recursive --force --versions prod/backups', { ...PROD, minRisk: 'critical' }),
  d('mc rb --force myminio/scratch-bucket', { minRisk: 'high' }),
  d('mc mirror --remove ./site myminio/www', { minRisk: 'high' }),
  d('mc mirror --overwrite --remove s3/src s3/dst', { minRisk: 'high', target: 's3/dst' }),
  d('mc admin user remove myminio alice', { minRisk: 'medium' }),
  d('mc rm myminio/docs/report.pdf', { minRisk: 'medium' }),
  d('mc rm -r --force --older-than 30d minio-prod/logs', PROD),
  d("azcopy remove 'https://acme.blob.core.windows.net/prod-backups' --recursive", {
    ...PROD,
    minRisk: 'high',
  }),
  d('azcopy rm "https://acme.blob.core.windows.net/logs/2023" --recursive=true', { minRisk: 'high' }),
  d("azcopy sync ./site 'https://acme.blob.core.windows.net/$web' --delete-destination=true", {
    minRisk: 'high',
  }),
  d("s5cmd rm 's3://prod-assets/*'", { ...PROD, minRisk: 'high' }),
  d('s5cmd rb s3://old-bucket', { minRisk: 'high' }),
  d('s5cmd sync --delete ./dist/ s3://www-bucket/', { minRisk: 'high' }),
  d("s5cmd --endpoint-url https://minio.prod.internal rm 's3://data/*'", PROD),

  h('mc ls myminio/uploads'),
  h('mc cp ./report.pdf myminio/docs/'),
  h('mc mirror ./site myminio/www'),
  h('mc admin info myminio'),
  h('mc stat myminio/docs/report.pdf'),
  h('mc du myminio/data'),
  h('mc rm --recursive --force --dry-run myminio/uploads'),
  h("azcopy list 'https://acme.blob.core.windows.net/logs'"),
  h("azcopy copy ./site 'https://acme.blob.core.windows.net/$web' --recursive"),
  h("azcopy sync ./site 'https://acme.blob.core.windows.net/$web'"),
  h('azcopy jobs list'),
  h('s5cmd ls s3://bucket/'),
  h('s5cmd cp ./a.txt s3://bucket/'),
  h('s5cmd du s3://bucket/'),
  h('s5cmd sync ./dist/ s3://www/'),
  h('s5cmd cat s3://bucket/key.json'),
];
