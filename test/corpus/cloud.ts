import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

const PROD = { environment: 'production', outcome: 'require-approval' } as const;
const DEV = { environment: 'non-production', outcome: 'ask' } as const;
// Only a resource's own name says non-production: a name may raise, never lower (issue 11).
const NAME_ONLY = { environment: 'unknown', outcome: 'require-approval' } as const;

// aws, gcloud, gsutil and az. With no hint a cloud effect lands in an unknown environment (treated as production).
export const cloudCorpus: LabelledCommand[] = [
  // --- aws: the seed incident forms ---
  d('aws cloudformation delete-stack --stack-name prod', {
    ...PROD,
    minRisk: 'critical',
    target: 'cloudformation stack prod',
  }),
  d('aws rds delete-db-instance --db-instance-identifier billing-prod --skip-final-snapshot', {
    ...PROD,
    minRisk: 'critical',
    target: 'rds db-instance billing-prod',
  }),
  d('aws elasticbeanstalk rebuild-environment --environment-name checkout-prod', {
    ...PROD,
    minRisk: 'critical',
  }),
  d('aws elasticbeanstalk terminate-environment --environment-name checkout-prod', {
    ...PROD,
    minRisk: 'critical',
  }),
  // --- aws: deletions ---
  d('aws rds delete-db-instance --db-instance-identifier billing-dev --skip-final-snapshot', {
    ...NAME_ONLY, // was DEV: only the instance's name says dev
    minRisk: 'critical',
  }),
  d('aws --profile prod rds delete-db-cluster --db-cluster-identifier orders --skip-final-snapshot', {
    ...PROD,
    minRisk: 'critical',
  }),
  d(
    'aws rds delete-db-cluster --skip-final-snapshot --db-cluster-identifier=orders-aurora --region us-east-1',
    {
      minRisk: 'critical',
      outcome: 'require-approval',
      target: 'rds db-cluster orders-aurora',
    },
  ),
  d('aws --region eu-west-1 --output json rds delete-db-instance --db-instance-identifier legacy-mysql', {
    minRisk: 'critical',
  }),
  d(
    'aws rds delete-db-instance --cli-input-json \'{"DBInstanceIdentifier":"billing-prod","SkipFinalSnapshot":true}\'',
    { ...PROD, minRisk: 'critical', target: 'billing-prod' },
  ),
  d('aws dynamodb delete-table --table-name Users --profile production', {
    ...PROD,
    minRisk: 'critical',
    target: 'dynamodb table Users',
  }),
  d('aws dynamodb delete-table --table-name orders --endpoint-url http://localhost:8000', DEV),
  d('aws s3api delete-bucket --bucket acme-prod-assets', { ...PROD, minRisk: 'critical' }),
  d('aws s3api delete-objects --bucket acme-prod-assets --delete file://keys.json', PROD),
  d('aws s3 rb s3://acme-logs --force', { minRisk: 'critical', target: 's3://acme-logs' }),
  d('aws s3 rb s3://tmp-scratch-bucket', { minRisk: 'high' }),
  d('aws s3 rm s3://acme-prod-uploads --recursive', { ...PROD, minRisk: 'critical' }),
  d('aws s3 rm --recursive s3://acme-data/exports/2023/', { minRisk: 'high' }),
  d('aws s3 rm s3://acme-data/reports/q3.csv', { minRisk: 'high' }),
  d('aws s3 sync ./build s3://acme-www --delete', { minRisk: 'high', target: 's3://acme-www' }),
  d('aws ec2 terminate-instances --instance-ids i-0abc123 i-0def456', {
    minRisk: 'high',
    target: 'i-0def456',
  }),
  d('aws ec2 delete-volume --volume-id vol-0123456789abcdef0', { minRisk: 'critical' }),
  d('sudo aws ec2 delete-snapshot --snapshot-id snap-0123456789', { minRisk: 'high' }),
  d('aws eks delete-cluster --name prod-eu', { ...PROD, minRisk: 'critical' }),
  d('aws ecs delete-cluster --cluster staging', { ...NAME_ONLY, minRisk: 'critical' }), // was DEV: a cluster's name
  d('aws ecs delete-service --cluster prod --service api --force', PROD),
  d('aws redshift delete-cluster --cluster-identifier analytics --skip-final-cluster-snapshot', {
    minRisk: 'critical',
  }),
  d('aws elasticache delete-replication-group --replication-group-id sessions-prod', {
    ...PROD,
    minRisk: 'critical',
  }),
  d('aws efs delete-file-system --file-system-id fs-12345678', { minRisk: 'critical' }),
  d('aws route53 delete-hosted-zone --id Z1D633PJN98FT9', { minRisk: 'critical' }),
  d(
    'aws kms schedule-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --pending-window-in-days 7',
    {
      minRisk: 'critical',
    },
  ),
  d('aws secretsmanager delete-secret --secret-id prod/db/password --force-delete-without-recovery', {
    ...PROD,
    minRisk: 'critical',
  }),
  d('aws iam delete-role --role-name deploy-bot', { minRisk: 'critical' }),
  d('aws organizations remove-account-from-organization --account-id 111122223333', { minRisk: 'critical' }),
  d('aws lambda delete-function --function-name checkout-handler', { minRisk: 'high' }),
  d('aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod', PROD),
  d('aws ecr delete-repository --repository-name api --force', { minRisk: 'critical' }),
  d('aws logs delete-log-group --log-group-name /aws/lambda/checkout', { minRisk: 'high' }),
  d('aws ssm delete-parameter --name /prod/api/key', PROD),
  d('AWS_PROFILE=prod aws s3 rm s3://acme-backups --recursive', { ...PROD, minRisk: 'critical' }),
  d('env AWS_PROFILE=production aws dynamodb delete-table --table-name sessions', PROD),
  d('aws rds delete-db-instance --db-instance-identifier billing --skip-final-snapshot', {
    ...PROD,
    env: { AWS_PROFILE: 'prod' },
  }),
  d('aws rds delete-db-instance --db-instance-identifier billing --skip-final-snapshot', {
    ...DEV,
    env: { AWS_PROFILE: 'dev' },
  }),
  d('bash -c "aws s3 rb s3://acme-archive --force"', { minRisk: 'critical' }),
  d('cat buckets.txt | xargs -I{} aws s3 rb s3://{} --force', { minRisk: 'critical' }),
  d('aws s3 rm "$TARGET_URL" --recursive', { minRisk: 'high', note: 'unresolved variable' }),
  d('gsutil ls gs://acme-tmp | xargs gsutil -m rm -r', { minRisk: 'high' }),
  // --- aws: scaling to zero and other modifications ---
  d(
    'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-prod --min-size 0 --max-size 0 --desired-capacity 0',
    { ...PROD, minRisk: 'high' },
  ),
  d('aws ecs update-service --cluster prod --service api --desired-count 0', { ...PROD, minRisk: 'high' }),
  d(
    'aws eks update-nodegroup-config --cluster-name main --nodegroup-name workers --scaling-config minSize=0,maxSize=3,desiredSize=0',
    { minRisk: 'high', target: 'workers' },
  ),
  d(
    'aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/prod/api --scalable-dimension ecs:service:DesiredCount --min-capacity 0 --max-capacity 0',
    { minRisk: 'high' },
  ),
  d('aws lambda put-function-concurrency --function-name checkout --reserved-concurrent-executions 0', {
    minRisk: 'high',
  }),
  d('aws ec2 stop-instances --instance-ids i-0abc123', { minRisk: 'medium' }),
  d('aws rds stop-db-instance --db-instance-identifier reporting', { minRisk: 'medium' }),
  d(
    'aws iam attach-role-policy --role-name app-runtime --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    {
      minRisk: 'medium',
    },
  ),
  d('aws kms disable-key --key-id alias/payments', { minRisk: 'medium' }),
  d('aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch file://records.json', {
    minRisk: 'medium',
  }),
  d(
    'aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch \'{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"api.example.com","Type":"A"}}]}\'',
    { minRisk: 'high' },
  ),
  d('aws cloudformation deploy --template-file stack.yml --stack-name payments-prod', PROD),
  d('aws ec2 revoke-security-group-ingress --group-id sg-123 --protocol tcp --port 443 --cidr 0.0.0.0/0', {
    minRisk: 'medium',
  }),
  d('aws rds modify-db-instance --db-instance-identifier billing-prod --no-deletion-protection', PROD),

  // --- gcloud ---
  d('gcloud sql instances delete billing-prod', { ...PROD, minRisk: 'critical' }),
  d('gcloud sql instances delete billing --project acme-prod --quiet', { ...PROD, minRisk: 'critical' }),
  d('gcloud --quiet container clusters delete prod-gke --zone us-central1-a', {
    ...PROD,
    minRisk: 'critical',
  }),
  d('gcloud projects delete acme-staging', { ...NAME_ONLY, minRisk: 'critical' }), // was DEV: the deleted project's name
  d('gcloud compute instances delete web-1 web-2 --zone=europe-west1-b', {
    minRisk: 'high',
    target: 'compute instances web-1,web-2',
  }),
  d('gcloud compute disks delete data-disk-1 --zone us-east1-b', { minRisk: 'critical' }),
  d('gcloud beta compute instances delete vm-1 --delete-disks=all', { minRisk: 'critical' }),
  d('gcloud storage rm -r gs://acme-prod-exports', { ...PROD, minRisk: 'critical' }),
  d('gcloud storage rm gs://acme-data/tmp/file.json', { minRisk: 'high' }),
  d('gcloud storage buckets delete gs://acme-old', { minRisk: 'critical' }),
  d('gcloud container clusters resize prod --node-pool default-pool --num-nodes 0', {
    ...PROD,
    minRisk: 'high',
  }),
  d('gcloud compute instance-groups managed resize web-mig --size=0 --zone us-central1-a', {
    minRisk: 'high',
  }),
  d('CLOUDSDK_CORE_PROJECT=acme-prod gcloud run services delete api --region us-central1', PROD),
  d('gcloud run services delete api --region us-central1', {
    ...DEV,
    env: { CLOUDSDK_CORE_PROJECT: 'acme-dev' },
  }),
  d('gcloud kms keys versions destroy 1 --key payments --keyring main --location global', {
    minRisk: 'critical',
  }),
  d('gcloud secrets delete stripe-api-key', { minRisk: 'critical' }),
  d(
    'gcloud projects remove-iam-policy-binding acme-prod --member user:a@example.com --role roles/owner',
    PROD,
  ),
  d('gcloud sql instances patch reporting --activation-policy=NEVER', { minRisk: 'medium' }),
  d('gcloud alpha dns managed-zones delete example-zone', { minRisk: 'critical' }),
  d('gcloud compute instances stop web-1 --zone us-central1-a', { minRisk: 'medium' }),
  d('gcloud sql backups restore 1700000000 --restore-instance=billing-prod --backup-instance=billing-prod', {
    ...PROD,
    minRisk: 'critical',
  }),

  // --- gsutil ---
  d('gsutil -m rm -r gs://acme-prod-media', { ...PROD, minRisk: 'critical' }),
  d('gsutil rm gs://acme-data/exports/old.csv', { minRisk: 'high' }),
  d('gsutil -m rm -R gs://acme-data/exports/**', { minRisk: 'high' }),
  d('gsutil rm gs://acme-logs/**', { minRisk: 'critical' }),
  d('gsutil rb gs://acme-tmp', { minRisk: 'critical' }),
  d('gsutil -o "GSUtil:parallel_process_count=1" rsync -d -r ./site gs://acme-www-staging', {
    ...NAME_ONLY, // was DEV: only the bucket's name says staging
    minRisk: 'high',
  }),
  d('gsutil iam ch -d allUsers:objectViewer gs://acme-public', { minRisk: 'medium' }),

  // --- az ---
  d('az group delete --name rg-prod --yes', { ...PROD, minRisk: 'critical', target: 'group rg-prod' }),
  d('az group delete -n rg-dev -y --no-wait', { ...NAME_ONLY, minRisk: 'critical' }), // was DEV: the group's name
  d('az sql db delete -g rg-prod -s sql-prod -n billing --yes', { ...PROD, minRisk: 'critical' }),
  d('az storage account delete --name acmestorage --resource-group rg-data', { minRisk: 'critical' }),
  d('az aks delete --resource-group rg-k8s --name aks-prod --yes', { ...PROD, minRisk: 'critical' }),
  d('az keyvault purge --name kv-payments', { minRisk: 'critical' }),
  d('az vm deallocate -g rg-prod -n web-vm-1', { ...PROD, minRisk: 'medium' }),
  d('az vm stop --resource-group rg-app --name api-vm', { minRisk: 'medium' }),
  d('az aks scale --resource-group rg-prod --name aks-prod --node-count 0', { ...PROD, minRisk: 'high' }),
  d('az aks nodepool scale --cluster-name aks-main -g rg-apps -n pool1 --node-count=0', { minRisk: 'high' }),
  d('az vmss scale --new-capacity 0 -g rg-web -n web-ss', { minRisk: 'high' }),
  d('az cosmosdb delete -n orders-db -g rg-data --yes', { minRisk: 'critical' }),
  d('az storage blob delete-batch --account-name acmedata --source uploads', { minRisk: 'critical' }),
  d('az deployment group create -g rg-prod --template-file main.bicep --mode Complete', PROD),
  d('az vm delete -g rg-app -n vm1 --yes --subscription acme-production', PROD),
  d('az vm delete -g rg-app -n vm1 --yes', { ...PROD, env: { AZURE_SUBSCRIPTION_ID: 'acme-production' } }),
  d('az keyvault secret delete --vault-name kv-prod --name db-password', { ...PROD, minRisk: 'critical' }),
  d('az role assignment delete --assignee a@example.com --role Owner', { minRisk: 'critical' }),
  d('az webapp stop --name shop-prod --resource-group rg-web', PROD),
  d('az postgres flexible-server delete --resource-group rg-db --name pg-main --yes', {
    minRisk: 'critical',
  }),
  d('az network dns record-set a delete -g rg-dns -z example.com -n www --yes', { minRisk: 'high' }),

  // --- harmless: aws ---
  h('aws sts get-caller-identity'),
  h('aws s3 ls'),
  h('aws s3 ls s3://acme-prod-assets/ --recursive --human-readable --summarize'),
  h('aws s3 cp s3://acme-prod-assets/config.json ./config.json'),
  h('aws s3 cp s3://acme-data/reports/ ./reports --recursive'),
  h('aws s3 sync s3://acme-prod-assets ./local-copy'),
  h('aws s3 presign s3://acme/report.pdf --expires-in 3600'),
  h(
    "aws ec2 describe-instances --filters Name=tag:env,Values=prod --query 'Reservations[].Instances[].InstanceId' --output text",
  ),
  h('aws rds describe-db-instances --db-instance-identifier billing-prod'),
  h('aws --profile prod rds describe-db-clusters'),
  h('aws logs tail /aws/lambda/checkout --follow --since 10m'),
  h('aws cloudformation describe-stacks --stack-name prod'),
  h('aws cloudformation list-stack-resources --stack-name prod --no-cli-pager'),
  h('aws dynamodb scan --table-name Users --max-items 10'),
  h('aws dynamodb get-item --table-name Users --key \'{"id":{"S":"1"}}\''),
  h('aws ecs list-services --cluster prod'),
  h('aws eks update-kubeconfig --name prod-eu --region eu-west-1'),
  h('aws iam list-roles --no-cli-pager'),
  h('aws secretsmanager get-secret-value --secret-id prod/db/password --query SecretString --output text'),
  h('aws ec2 terminate-instances --instance-ids i-0abc123 --dry-run'),
  h('aws ec2 delete-volume --dry-run --volume-id vol-0123456789abcdef0'),
  h('aws s3 rm s3://acme-prod-uploads --recursive --dryrun'),
  h('aws rds wait db-instance-available --db-instance-identifier billing-prod'),
  h('aws s3api head-object --bucket acme --key a.txt'),
  h('aws ecr get-login-password --region us-east-1'),
  h('aws configure list'),
  h('aws sso login --profile prod'),
  h('aws ec2 run-instances --image-id ami-0123 --instance-type t3.micro --count 1'),
  h('aws s3 cp dist/ s3://acme-www-staging/ --recursive'),
  h('aws s3 mb s3://acme-new-bucket'),
  h('aws lambda invoke --function-name hello out.json'),
  h('aws cloudformation validate-template --template-body file://stack.yml'),
  h('aws ec2 create-tags --resources i-0abc123 --tags Key=owner,Value=me'),
  h('aws kms decrypt --ciphertext-blob fileb://secret.enc --output text --query Plaintext'),
  h('aws rds delete-db-instance help'),
  h('aws ec2 terminate-instances --generate-cli-skeleton'),
  h('aws --debug s3 ls s3://acme-logs'),
  h('aws sts assume-role --role-arn arn:aws:iam::123456789012:role/prod-admin --role-session-name agent'),
  h('AWS_PROFILE=prod aws ec2 describe-instances --region us-east-1'),
  h('echo "aws s3 rb s3://acme-prod --force"', { note: 'only printed' }),

  // --- harmless: gcloud and gsutil ---
  h('gcloud compute instances list --project acme-prod'),
  h('gcloud sql instances describe billing-prod'),
  h('gcloud container clusters get-credentials prod-gke --zone us-central1-a'),
  h('gcloud config set project acme-prod'),
  h('gcloud auth login'),
  h('gcloud storage ls gs://acme-prod-exports'),
  h('gcloud storage cp gs://acme-data/report.csv .'),
  h('gcloud beta run services list --platform managed'),
  h('gcloud projects get-iam-policy acme-prod --format json'),
  h('gcloud logging read "severity>=ERROR" --limit 20'),
  h('gcloud sql instances delete billing-prod --help'),
  h('gcloud compute instances create test-vm --zone us-central1-a'),
  h('gcloud app deploy --quiet'),
  h('gcloud container clusters resize dev --num-nodes 3'),
  h('gcloud --quiet compute disks list'),
  h('gsutil ls gs://acme-prod-media'),
  h('gsutil -m cp -r gs://acme-data/exports ./exports'),
  h('gsutil cat gs://acme/config.yaml'),
  h('gsutil du -sh gs://acme-logs'),
  h('gsutil rsync -r ./site gs://acme-www'),
  h('gsutil rsync -n -d -r ./site gs://acme-www'),
  h('gsutil stat gs://acme/index.html'),

  // --- harmless: az ---
  h('az account show'),
  h('az group list -o table'),
  h('az vm list --resource-group rg-prod --output table'),
  h('az aks get-credentials -g rg-prod -n aks-prod'),
  h('az sql db show -g rg-prod -s sql-prod -n billing'),
  h('az storage blob list --account-name acmedata --container-name uploads --output table'),
  h('az keyvault secret show --vault-name kv-prod --name db-password'),
  h('az webapp log tail -n shop-prod -g rg-web'),
  h('az login'),
  h('az account set --subscription acme-production'),
  h('az group exists --name rg-prod'),
  h('az aks scale -g rg-dev -n aks-dev --node-count 3'),
  h('az vm create -g rg-dev -n test-vm --image Ubuntu2204'),
  h('az deployment group what-if -g rg-prod --template-file main.bicep'),
  h('az deployment group create -g rg-dev --template-file main.bicep'),
  h("az rest --method get --url 'https://management.azure.com/subscriptions?api-version=2020-01-01'"),
  h('az storage blob download --account-name acmedata -c uploads -n a.txt -f a.txt'),
  h('az group delete --name rg-prod --help'),
  // Issue 14: a redirection before an operand.
  d('aws s3 rm 2>/dev/null s3://prod-bucket --recursive', { minRisk: 'high' }),
  d('aws 2>&1 s3 rb s3://acme-data --force', { minRisk: 'high' }),
  h('aws s3 ls 2>/dev/null s3://prod-bucket'),
];
