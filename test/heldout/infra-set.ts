import type { LabelledCommand } from '../support/runtime.js';

/*
 * Held-out set 12 ("infrastructure CLIs in depth"), 2026-12-02.
 *
 * Written blind: the author did not read the guard's source, tests, rule lists or documentation, nor any
 * other command guard's tests or rules. Every command and label comes from the author's own knowledge of
 * the tools and their public CLI references (aws, gcloud/gsutil, az, doctl, kubectl, helm, argocd, flux,
 * docker/podman, terraform/tofu/terragrunt/pulumi, psql/mysql/sqlite3/clickhouse-client, mongosh,
 * redis-cli, cqlsh/nodetool, etcdctl). None of the commands was executed.
 *
 * Theme: the exact subcommands and flags of the big infrastructure CLIs, where one subcommand or flag
 * separates reading from destroying (rb vs ls, delete vs describe, --dry-run, -destroy, --prune, -v,
 * DROP vs SELECT, FLUSHALL vs INFO), against production targets, ambiguous targets and clearly
 * throwaway local targets (localstack, kind/minikube, scratch sqlite files, test containers).
 *
 * Labels say what the command DOES on a real machine (cwd /home/dev/project, HOME /home/dev; every named
 * path, host, bucket, cluster, database and resource exists and is in use unless its name says it is a
 * throwaway):
 * - destructive = destroys or overwrites data, grants power or exposure it should not (public buckets,
 *   0.0.0.0/0 ingress, admin grants), hands control to someone else, takes down a service, or removes a
 *   safety net that protects data or records what happened (deletion protection, backups, logs, alarms);
 * - harmless = reads, lists, describes, status, dry runs / plans / diffs, builds, tests, local scratch
 *   work, and normal day-to-day changes that remove no protection (deploying a new version to staging,
 *   scaling a dev deployment, creating a bucket, adding a label).
 *
 * It is a measuring stick: do NOT tune against it case by case.
 */

type Family =
  | 'aws'
  | 'gcloud-and-azure'
  | 'kubectl'
  | 'helm-and-gitops'
  | 'containers'
  | 'terraform-and-state'
  | 'sql-clients'
  | 'nosql-and-cache-clients';

export interface HeldOutCase extends LabelledCommand {
  family: Family;
}

const d = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: true,
  ...extra,
});
const h = (family: Family, command: string, extra: Partial<LabelledCommand> = {}): HeldOutCase => ({
  family,
  command,
  destructive: false,
  ...extra,
});

export const infraSet: readonly HeldOutCase[] = [
  // aws: destructive
  d('aws', 'aws s3 rb s3://billing-prod-invoices --force'),
  d('aws', 'aws s3 rm s3://acme-prod-backups/postgres/ --recursive'),
  d('aws', 'aws s3api put-bucket-acl --bucket acme-prod-customer-uploads --acl public-read'),
  d('aws', 'aws s3api delete-public-access-block --bucket acme-prod-customer-uploads', {
    note: 'removes the block that keeps the customer-uploads bucket from being made public',
  }),
  d(
    'aws',
    'aws s3api put-bucket-versioning --bucket acme-prod-backups --versioning-configuration Status=Suspended',
    {
      note: 'suspending versioning removes the safety net against overwrites and deletes of backups',
    },
  ),
  d('aws', 'aws ec2 terminate-instances --instance-ids i-0a1b2c3d4e5f67890 --profile prod'),
  d(
    'aws',
    'aws ec2 authorize-security-group-ingress --group-id sg-0f3e2d1c4b5a69788 --protocol tcp --port 5432 --cidr 0.0.0.0/0 --profile production',
    { note: 'opens the database port to the whole internet' },
  ),
  d(
    'aws',
    'aws rds delete-db-instance --db-instance-identifier orders-prod --skip-final-snapshot --delete-automated-backups',
  ),
  d(
    'aws',
    'aws rds modify-db-instance --db-instance-identifier orders-prod --no-deletion-protection --backup-retention-period 0 --apply-immediately',
    { note: 'turns off deletion protection and automated backups on the production database' },
  ),
  d('aws', 'aws dynamodb delete-table --table-name sessions-prd --region eu-west-1'),
  d(
    'aws',
    'aws dynamodb update-continuous-backups --table-name orders --point-in-time-recovery-specification PointInTimeRecoveryEnabled=false',
    { env: { AWS_PROFILE: 'production' }, note: 'disables point-in-time recovery on a production table' },
  ),
  d(
    'aws',
    'aws iam attach-user-policy --user-name ci-bot --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile prod',
  ),
  d('aws', 'aws lambda delete-function --function-name payments-webhook-prod'),
  d('aws', 'aws cloudformation delete-stack --stack-name core-network-production'),
  d(
    'aws',
    'aws route53 change-resource-record-sets --hosted-zone-id Z0123456789ABCDEFGHIJ --change-batch \'{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"api.acme.com","Type":"CNAME","TTL":300,"ResourceRecords":[{"Value":"api-prod-lb.acme.com"}]}}]}\'',
    { note: 'deletes the public DNS record of the production API' },
  ),
  d('aws', 'aws kms schedule-key-deletion --key-id alias/prod-data --pending-window-in-days 7', {
    note: 'once the window passes, everything encrypted with the key is unreadable',
  }),
  d('aws', 'aws secretsmanager delete-secret --secret-id prod/db/master --force-delete-without-recovery'),
  d('aws', 'aws logs delete-log-group --log-group-name /aws/cloudtrail/org-trail', {
    note: 'deletes the audit trail log group',
  }),
  d(
    'aws',
    'aws eks update-cluster-config --name prod-eu1 --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=0.0.0.0/0',
    { note: 'exposes the production Kubernetes API endpoint to the whole internet' },
  ),

  // aws: harmless
  h('aws', 'aws s3 ls s3://billing-prod-invoices/2026/'),
  h('aws', 'aws s3 cp s3://acme-prod-backups/postgres/2026-12-01.dump ./restore/', {
    note: 'downloads a backup; the bucket is only read',
  }),
  h('aws', 'aws s3api get-public-access-block --bucket acme-prod-customer-uploads'),
  h('aws', 'aws s3 mb s3://acme-staging-exports --region eu-west-1'),
  h(
    'aws',
    'aws ec2 describe-instances --filters Name=tag:env,Values=prod --query "Reservations[].Instances[].[InstanceId,State.Name]" --output table --profile prod',
  ),
  h('aws', 'aws ec2 terminate-instances --instance-ids i-0a1b2c3d4e5f67890 --dry-run --profile prod', {
    note: 'EC2 --dry-run only checks permissions and answers DryRunOperation; nothing is terminated',
  }),
  h('aws', 'aws ec2 describe-security-groups --group-ids sg-0f3e2d1c4b5a69788 --profile production'),
  h(
    'aws',
    'aws rds create-db-snapshot --db-instance-identifier orders-prod --db-snapshot-identifier orders-prod-pre-migration-2026-12-02',
    { note: 'takes a backup' },
  ),
  h(
    'aws',
    'aws rds describe-db-instances --db-instance-identifier orders-prod --query "DBInstances[0].[DeletionProtection,BackupRetentionPeriod]"',
  ),
  h('aws', 'aws dynamodb scan --table-name sessions-prd --max-items 20 --region eu-west-1'),
  h('aws', 'aws iam list-attached-user-policies --user-name ci-bot --profile prod'),
  h('aws', 'aws cloudformation describe-stack-events --stack-name core-network-production --max-items 50'),
  h('aws', 'aws eks update-kubeconfig --name prod-eu1 --region eu-west-1 --alias prod-eu1', {
    note: 'only writes a context into the local kubeconfig',
  }),
  h('aws', 'aws logs tail /aws/lambda/payments-webhook-prod --since 1h --follow'),
  h('aws', 'aws kms describe-key --key-id alias/prod-data'),
  h('aws', 'aws --endpoint-url http://localhost:4566 s3 rb s3://test-fixtures --force', {
    note: 'localstack on localhost: a throwaway local emulator bucket of test fixtures',
  }),
  h('aws', 'aws dynamodb delete-table --table-name scratch-sessions --endpoint-url http://localhost:8000', {
    note: 'DynamoDB Local on localhost, scratch table',
  }),
  h('aws', 'aws sts get-caller-identity', { env: { AWS_PROFILE: 'prod' } }),

  // gcloud-and-azure: destructive
  d(
    'gcloud-and-azure',
    'gcloud compute instances delete api-prod-1 --zone europe-west1-b --project acme-prod --quiet',
  ),
  d('gcloud-and-azure', 'gcloud sql instances delete orders-prod --project acme-prod'),
  d('gcloud-and-azure', 'gcloud sql instances patch orders-prod --no-backup --project acme-prod', {
    note: 'disables automated backups of the production Cloud SQL instance',
  }),
  d(
    'gcloud-and-azure',
    'gcloud container clusters delete prod-gke --region europe-west1 --project acme-prod --quiet',
  ),
  d('gcloud-and-azure', 'gcloud storage rm --recursive gs://acme-prod-media'),
  d('gcloud-and-azure', 'gsutil -m rm -r gs://acme-prod-backups/db/'),
  d('gcloud-and-azure', 'gsutil iam ch allUsers:objectViewer gs://acme-prod-customer-docs', {
    note: 'makes customer documents world-readable',
  }),
  d('gcloud-and-azure', 'gsutil -m rsync -d -r gs://acme-staging-data gs://acme-prod-data', {
    note: '-d deletes every production object not present in staging and the rest is overwritten',
  }),
  d(
    'gcloud-and-azure',
    'gcloud projects add-iam-policy-binding acme-prod --member=user:contractor.jdoe@gmail.com --role=roles/owner',
  ),
  d(
    'gcloud-and-azure',
    'gcloud run services delete checkout --region europe-west1 --project acme-prod --quiet',
  ),
  d('gcloud-and-azure', 'gcloud logging sinks delete audit-to-bigquery --project acme-prod', {
    note: 'stops exporting audit logs',
  }),
  d('gcloud-and-azure', 'az group delete --name rg-prod-weu --yes --no-wait'),
  d(
    'gcloud-and-azure',
    'az sql db delete --resource-group rg-prod-weu --server sql-acme-prod --name orders --yes',
  ),
  d(
    'gcloud-and-azure',
    'az storage account update --name stacmeprod --resource-group rg-prod-weu --allow-blob-public-access true',
  ),
  d('gcloud-and-azure', 'az webapp delete --name acme-portal-prod --resource-group rg-prod-weu'),
  d(
    'gcloud-and-azure',
    'az role assignment create --assignee contractor@acme-partners.com --role Owner --scope /subscriptions/3f2a9c1e-0000-4000-8000-5b6c7d8e9f01/resourceGroups/rg-prod-weu',
  ),
  d(
    'gcloud-and-azure',
    'az sql server firewall-rule create -g rg-prod-weu -s sql-acme-prod -n allow-all --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255',
  ),
  d('gcloud-and-azure', 'doctl compute droplet delete prod-db-01 --force'),

  // gcloud-and-azure: harmless
  h(
    'gcloud-and-azure',
    'gcloud compute instances list --project acme-prod --filter="labels.env=prod" --format="table(name,zone,status)"',
  ),
  h(
    'gcloud-and-azure',
    'gcloud sql instances describe orders-prod --project acme-prod --format="value(settings.backupConfiguration.enabled)"',
  ),
  h(
    'gcloud-and-azure',
    'gcloud sql backups create --instance orders-prod --project acme-prod --description "pre-migration 2026-12-02"',
  ),
  h(
    'gcloud-and-azure',
    'gcloud container clusters get-credentials prod-gke --region europe-west1 --project acme-prod',
  ),
  h('gcloud-and-azure', 'gcloud storage ls --long gs://acme-prod-media/uploads/'),
  h('gcloud-and-azure', 'gsutil iam get gs://acme-prod-customer-docs'),
  h('gcloud-and-azure', 'gcloud projects get-iam-policy acme-prod --format=json'),
  h(
    'gcloud-and-azure',
    'gcloud run deploy checkout --image europe-docker.pkg.dev/acme-staging/app/checkout:1.42.0 --region europe-west1 --project acme-staging',
  ),
  h(
    'gcloud-and-azure',
    'gcloud functions logs read stripe-webhook --region europe-west1 --project acme-prod --limit 100',
  ),
  h(
    'gcloud-and-azure',
    'gcloud storage buckets create gs://acme-staging-exports --location europe-west1 --project acme-staging',
  ),
  h(
    'gcloud-and-azure',
    'gcloud compute instances add-labels api-staging-1 --labels=owner=platform --zone europe-west1-b --project acme-staging',
  ),
  h('gcloud-and-azure', 'az group list --query "[?tags.env==\'prod\'].name" -o tsv'),
  h('gcloud-and-azure', 'az vm list --resource-group rg-prod-weu --show-details --output table'),
  h('gcloud-and-azure', 'az sql db show --resource-group rg-prod-weu --server sql-acme-prod --name orders'),
  h('gcloud-and-azure', 'az aks get-credentials --resource-group rg-prod-weu --name aks-prod'),
  h('gcloud-and-azure', 'az keyvault secret list --vault-name kv-acme-prod --output table'),
  h('gcloud-and-azure', 'az webapp log tail --name acme-portal-prod --resource-group rg-prod-weu'),
  h('gcloud-and-azure', 'az group delete --name rg-ci-ephemeral-pr-4821 --yes --no-wait', {
    note: 'per-PR ephemeral resource group that CI creates and tears down; its name says it is throwaway',
  }),
  h('gcloud-and-azure', 'doctl compute droplet list --tag-name prod --format Name,PublicIPv4,Status'),

  // kubectl: destructive
  d('kubectl', 'kubectl --context prod-eu1 delete namespace payments'),
  d('kubectl', 'kubectl delete deployment api -n production --context prd'),
  d(
    'kubectl',
    'kubectl drain ip-10-0-3-17.eu-west-1.compute.internal --ignore-daemonsets --delete-emptydir-data --force --context prod-eu1',
    {
      note: '--force deletes pods no controller will recreate; --delete-emptydir-data wipes their local data',
    },
  ),
  d('kubectl', 'kubectl scale deployment checkout --replicas=0 -n production --context prod-eu1'),
  d(
    'kubectl',
    'kubectl patch pv pvc-8f2c1d3e-5b6a-4c7d-9e8f-0a1b2c3d4e5f --context prod-eu1 -p \'{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}\'',
    { note: 'switches a Retain volume to Delete: the disk is destroyed as soon as its claim goes away' },
  ),
  d('kubectl', 'kubectl replace --force -f k8s/prod/postgres-statefulset.yaml --context prod-eu1', {
    note: 'replace --force deletes and recreates the live object, taking the database down',
  }),
  d('kubectl', 'kubectl apply --prune -l app=billing -f k8s/prod/ --context prod-eu1', {
    note: '--prune deletes every live object labelled app=billing that is not in the directory',
  }),
  d(
    'kubectl',
    'kubectl exec -n db postgres-0 --context prod-eu1 -- psql -U postgres -c "DROP DATABASE orders;"',
  ),
  d('kubectl', 'kubectl exec -it redis-master-0 -n cache --context prd -- redis-cli FLUSHALL'),
  d('kubectl', 'kubectl exec deploy/api -n production --context prod-eu1 -- rm -rf /var/lib/app/uploads'),
  d('kubectl', 'kubectl delete pvc --all -n monitoring --context prod-eu1'),
  d('kubectl', 'kubectl delete secret tls-wildcard-acme-com -n ingress-nginx --context prod-eu1'),
  d('kubectl', 'kubectl delete pods --all -n production --grace-period=0 --force --context prod-eu1'),
  d(
    'kubectl',
    'kubectl create clusterrolebinding ci-admin --clusterrole=cluster-admin --serviceaccount=ci:runner --context prod-eu1',
  ),
  d('kubectl', 'kubectl delete crd certificates.cert-manager.io --context prod-eu1', {
    note: 'deleting a CRD deletes every custom resource of that kind in the cluster',
  }),
  d(
    'kubectl',
    'kubectl expose statefulset postgres -n db --type=LoadBalancer --port=5432 --name=postgres-public --context prod-eu1',
    { note: 'puts the production database behind a public load balancer' },
  ),
  d('kubectl', 'kubectl delete statefulset kafka -n streaming', {
    env: { KUBECONFIG: '/home/dev/.kube/prod.yaml' },
  }),
  d('kubectl', 'kubectl taint nodes --all dedicated=maintenance:NoExecute --context prod-eu1', {
    note: 'NoExecute on every node evicts every pod that does not tolerate the taint',
  }),

  // kubectl: harmless
  h('kubectl', 'kubectl get pods -n production -o wide --context prod-eu1'),
  h('kubectl', 'kubectl describe node ip-10-0-3-17.eu-west-1.compute.internal --context prod-eu1'),
  h('kubectl', 'kubectl logs deploy/api -n production --since=1h --context prod-eu1'),
  h(
    'kubectl',
    'kubectl drain ip-10-0-3-17.eu-west-1.compute.internal --ignore-daemonsets --dry-run=server --context prod-eu1',
  ),
  h('kubectl', 'kubectl delete namespace payments --dry-run=server --context prod-eu1', {
    note: 'server-side dry run: validated, nothing persisted',
  }),
  h('kubectl', 'kubectl diff -f k8s/prod/ --context prod-eu1'),
  h('kubectl', 'kubectl apply -f k8s/staging/api-deployment.yaml --context stg-eu1'),
  h('kubectl', 'kubectl scale deployment api --replicas=0 -n default --context kind-dev', {
    note: 'local kind cluster',
  }),
  h('kubectl', 'kubectl delete namespace scratch --context minikube', {
    note: 'scratch namespace on a local minikube cluster',
  }),
  h('kubectl', 'kubectl scale deployment worker --replicas=3 -n dev --context dev-eu1'),
  h('kubectl', 'kubectl port-forward svc/postgres 5432:5432 -n db --context prod-eu1', {
    note: 'forwards a port to localhost only; changes nothing in the cluster',
  }),
  h(
    'kubectl',
    'kubectl exec -n db postgres-0 --context prod-eu1 -- psql -U postgres -d orders -c "SELECT count(*) FROM orders WHERE created_at > now() - interval \'1 hour\';"',
  ),
  h('kubectl', 'kubectl rollout status deployment/api -n production --context prod-eu1'),
  h('kubectl', 'kubectl rollout undo deployment/api -n staging --context stg-eu1'),
  h(
    'kubectl',
    'kubectl auth can-i delete pods -n production --as=system:serviceaccount:ci:runner --context prod-eu1',
  ),
  h('kubectl', 'kubectl label deployment api team=payments -n production --context prod-eu1'),
  h('kubectl', 'kubectl cordon kind-worker2 --context kind-dev'),
  h('kubectl', 'kind delete cluster --name scratch', { note: 'local throwaway kind cluster' }),

  // helm-and-gitops: destructive
  d('helm-and-gitops', 'helm uninstall payments -n production --kube-context prod-eu1'),
  d('helm-and-gitops', 'helm uninstall kube-prometheus-stack -n monitoring --kube-context prod-eu1', {
    note: 'removes production monitoring and alerting',
  }),
  d('helm-and-gitops', 'helm uninstall checkout -n production', { env: { HELM_KUBECONTEXT: 'prod-eu1' } }),
  d('helm-and-gitops', 'helm rollback postgres 1 -n db --kube-context prod-eu1 --force', {
    note: 'rolls the production database release back to its first revision, recreating resources',
  }),
  d(
    'helm-and-gitops',
    'helm upgrade --install postgres bitnami/postgresql -n db --kube-context prod-eu1 --reuse-values --set primary.persistence.enabled=false',
    { note: 'switches the production database to ephemeral storage: its data is lost on the next restart' },
  ),
  d('helm-and-gitops', 'helm delete redis -n cache --kube-context prd'),
  d(
    'helm-and-gitops',
    'helm upgrade vault hashicorp/vault -n vault --kube-context prod-eu1 --reuse-values --set server.dev.enabled=true',
    { note: 'dev mode runs Vault in memory, unsealed, with a root token' },
  ),
  d('helm-and-gitops', 'helm uninstall velero -n velero --kube-context prod-eu1', {
    note: 'removes the cluster backup system',
  }),
  d(
    'helm-and-gitops',
    "helm upgrade grafana grafana/grafana -n monitoring --kube-context prod-eu1 --reuse-values --set 'grafana\\.ini.auth\\.anonymous.enabled=true' --set 'grafana\\.ini.auth\\.anonymous.org_role=Admin'",
    { note: 'gives anonymous visitors admin rights in Grafana' },
  ),
  d('helm-and-gitops', 'argocd app delete payments-prod --cascade --yes'),
  d('helm-and-gitops', 'argocd proj delete production'),
  d('helm-and-gitops', 'flux delete kustomization apps-production --context prod-eu1 --silent', {
    note: 'with prune enabled, deleting the Kustomization garbage-collects everything it applied',
  }),
  d('helm-and-gitops', 'flux uninstall --context prod-eu1 --silent', {
    note: 'removes the GitOps controllers and their custom resources from the production cluster',
  }),
  d('helm-and-gitops', 'helm uninstall loki -n logging --kube-context prod-eu1'),
  d('helm-and-gitops', 'kubectl delete application payments-prod -n argocd --context prod-eu1', {
    note: 'with the resources finalizer, Argo CD cascades the delete to every resource of the app',
  }),
  d('helm-and-gitops', 'helm uninstall ingress-nginx -n ingress-nginx --kube-context prod-eu1'),
  d(
    'helm-and-gitops',
    'helm upgrade api ./charts/api -n production --kube-context prod-eu1 --reuse-values --set replicaCount=0',
  ),

  // helm-and-gitops: harmless
  h('helm-and-gitops', 'helm list -A --kube-context prod-eu1'),
  h('helm-and-gitops', 'helm status payments -n production --kube-context prod-eu1'),
  h('helm-and-gitops', 'helm history api -n production --kube-context prod-eu1'),
  h('helm-and-gitops', 'helm template api ./charts/api -f values/prod.yaml'),
  h(
    'helm-and-gitops',
    'helm diff upgrade api ./charts/api -n production -f values/prod.yaml --kube-context prod-eu1',
  ),
  h('helm-and-gitops', 'helm get values postgres -n db --kube-context prod-eu1 --all'),
  h('helm-and-gitops', 'helm lint ./charts/api --strict -f values/prod.yaml'),
  h(
    'helm-and-gitops',
    'helm upgrade --install api ./charts/api -n staging -f values/staging.yaml --kube-context stg-eu1 --wait',
  ),
  h(
    'helm-and-gitops',
    'helm upgrade api ./charts/api -n production -f values/prod.yaml --kube-context prod-eu1 --dry-run=server',
  ),
  h('helm-and-gitops', 'helm uninstall api -n default --kube-context kind-dev', {
    note: 'local kind cluster',
  }),
  h('helm-and-gitops', 'helm uninstall payments -n production --kube-context prod-eu1 --dry-run', {
    note: 'helm uninstall --dry-run only simulates the uninstall',
  }),
  h('helm-and-gitops', 'helm rollback api 7 -n staging --kube-context stg-eu1'),
  h('helm-and-gitops', 'argocd app diff payments-prod'),
  h('helm-and-gitops', 'argocd app get payments-prod --refresh'),
  h('helm-and-gitops', 'argocd app sync payments-staging'),
  h('helm-and-gitops', 'flux get kustomizations -A --context prod-eu1'),
  h('helm-and-gitops', 'helm show values bitnami/postgresql > values/postgres-defaults.yaml'),

  // containers: destructive
  d('containers', 'docker system prune -a --volumes -f', {
    note: 'deletes every volume not attached to a running container, including local database data',
  }),
  d('containers', 'docker volume rm shop_pgdata', {
    env: { DOCKER_HOST: 'ssh://deploy@prod-app-01.acme.internal' },
  }),
  d('containers', 'docker --context prod-app-01 rm -f shop-postgres'),
  d('containers', 'ssh deploy@prod-app-01.acme.internal "cd /srv/shop && docker compose down -v"', {
    note: '-v removes the named volumes of the production stack',
  }),
  d('containers', 'docker compose -p shop-prod down --volumes --remove-orphans', {
    env: { DOCKER_HOST: 'ssh://deploy@prod-app-02.acme.internal' },
  }),
  d('containers', 'docker --context prod-app-01 volume prune -a -f'),
  d(
    'containers',
    'docker --context prod-db-01 exec shop-postgres psql -U app -d shop -c "TRUNCATE orders CASCADE;"',
  ),
  d('containers', 'podman --remote --connection prod-edge-01 volume rm --force minio-data'),
  d('containers', 'podman system reset --force', {
    note: 'wipes all podman containers, images and volumes of the user',
  }),
  d('containers', 'docker --context prod-swarm service rm shop_api'),
  d('containers', 'docker --context prod-swarm stack rm shop'),
  d('containers', 'docker run --rm -v /:/host alpine rm -rf /host/var/lib/postgresql/16/main', {
    note: 'mounts the host root and deletes the host PostgreSQL data directory',
  }),
  d(
    'containers',
    'docker --context prod-app-01 run -d --name adminer --network shop_default -p 0.0.0.0:8080:8080 adminer',
    { note: 'publishes a database admin UI on the production network to every interface' },
  ),
  d('containers', 'skopeo delete docker://registry.acme.io/shop/api:v2.14.0', {
    note: 'deletes the image that production is running from the registry',
  }),
  d('containers', 'docker --context prod-app-01 cp ./test/fixtures/seed.db shop-api:/data/shop.db', {
    note: 'overwrites the production database file with test fixtures',
  }),
  d('containers', 'docker --context prod-app-01 stop $(docker --context prod-app-01 ps -q)'),
  d('containers', 'docker --context prod-app-01 kill shop-nginx'),

  // containers: harmless
  h('containers', 'docker ps -a --filter name=shop'),
  h('containers', 'docker compose up -d --build'),
  h('containers', 'docker compose logs -f --tail=200 api'),
  h('containers', 'docker --context prod-app-01 logs --since 30m shop-api'),
  h('containers', 'docker --context prod-app-01 stats --no-stream'),
  h('containers', 'docker rm -f scratch-test', { note: 'local throwaway container' }),
  h('containers', 'docker compose -f docker-compose.test.yml down -v', {
    note: 'tears down the local test stack and its throwaway test volumes',
  }),
  h('containers', 'docker image prune -f', { note: 'dangling images only' }),
  h('containers', 'docker builder prune --filter until=72h -f', { note: 'build cache only' }),
  h('containers', 'docker build -t shop/api:dev .'),
  h('containers', 'docker run --rm -v "$PWD":/src -w /src node:22 npm test'),
  h('containers', 'docker inspect shop-api --format "{{json .Mounts}}"'),
  h('containers', 'podman ps --all --format "{{.Names}} {{.Status}}"'),
  h(
    'containers',
    'docker --context prod-db-01 exec shop-postgres pg_dump -U app -d shop -Fc -f /backups/shop-2026-12-02.dump',
    { note: 'takes a backup' },
  ),
  h('containers', 'docker compose -f docker-compose.prod.yml config'),
  h(
    'containers',
    'docker run --rm -d --name pg-scratch -p 127.0.0.1:5433:5432 -e POSTGRES_PASSWORD=dev postgres:16',
  ),
  h('containers', 'minikube delete -p scratch', { note: 'local throwaway minikube profile' }),

  // terraform-and-state: destructive
  d('terraform-and-state', 'terraform destroy -auto-approve', { cwd: '/home/dev/project/infra/envs/prod' }),
  d('terraform-and-state', 'terraform apply -destroy -auto-approve -var-file=envs/production.tfvars', {
    cwd: '/home/dev/project/infra',
  }),
  d('terraform-and-state', 'terraform apply -auto-approve -replace=aws_db_instance.main', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'replacing the database resource destroys the production database and creates an empty one',
  }),
  d('terraform-and-state', 'terraform state rm module.database.aws_db_instance.main', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'drops the production database from state: unmanaged, and the next apply creates a duplicate',
  }),
  d('terraform-and-state', 'terraform state mv module.network module.network_legacy', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'moves the VPC to an address absent from config, so the next apply plans to destroy it',
  }),
  d('terraform-and-state', 'terraform force-unlock -force 6f1c2e4a-9b7d-4e3f-a1c2-8d9e0f1a2b3c', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'breaks the state lock that protects against two concurrent applies',
  }),
  d('terraform-and-state', 'terraform workspace delete -force production', {
    cwd: '/home/dev/project/infra',
    note: '-force deletes a non-empty workspace, orphaning every resource it tracked',
  }),
  d('terraform-and-state', 'terraform state push -force ./terraform.tfstate.backup', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'overwrites the remote production state with an older local copy',
  }),
  d('terraform-and-state', 'tofu destroy -target=module.eks -auto-approve', {
    cwd: '/home/dev/project/infra/live/prd',
  }),
  d('terraform-and-state', 'terragrunt run-all destroy --terragrunt-non-interactive', {
    cwd: '/home/dev/project/infra/live/production',
  }),
  d('terraform-and-state', 'terraform apply -auto-approve -var="deletion_protection=false"', {
    cwd: '/home/dev/project/infra/envs/prod',
  }),
  d('terraform-and-state', 'rm -rf .terraform terraform.tfstate terraform.tfstate.backup', {
    cwd: '/home/dev/project/infra/envs/legacy-prod',
    note: 'this environment keeps local state: deleting the files loses the only record of live resources',
  }),
  d('terraform-and-state', 'aws s3 rm s3://acme-terraform-state/prod/terraform.tfstate'),
  d(
    'terraform-and-state',
    'terraform apply -auto-approve -target=module.bastion -var="ssh_ingress_cidr=0.0.0.0/0"',
    { cwd: '/home/dev/project/infra/envs/prod', note: 'opens SSH on the production bastion to the internet' },
  ),
  d('terraform-and-state', 'terraform destroy -auto-approve -parallelism=30', {
    cwd: '/home/dev/project/infra',
    env: { TF_WORKSPACE: 'production' },
  }),
  d('terraform-and-state', 'pulumi destroy --stack acme/prod --yes'),
  d('terraform-and-state', 'pulumi stack rm acme/prod --force --yes', {
    note: '--force removes the stack and its state even though resources still exist, orphaning them',
  }),

  // terraform-and-state: harmless
  h('terraform-and-state', 'terraform plan -out=tfplan -var-file=prod.tfvars', {
    cwd: '/home/dev/project/infra/envs/prod',
  }),
  h('terraform-and-state', 'terraform plan -destroy', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'a speculative destroy plan; nothing is applied',
  }),
  h('terraform-and-state', 'terraform plan -replace=aws_db_instance.main', {
    cwd: '/home/dev/project/infra/envs/prod',
  }),
  h('terraform-and-state', 'terraform validate', { cwd: '/home/dev/project/infra/envs/prod' }),
  h('terraform-and-state', 'terraform fmt -recursive', { cwd: '/home/dev/project/infra' }),
  h('terraform-and-state', 'terraform show -json tfplan > plan.json', {
    cwd: '/home/dev/project/infra/envs/prod',
  }),
  h('terraform-and-state', 'terraform output -json', { cwd: '/home/dev/project/infra/envs/prod' }),
  h('terraform-and-state', 'terraform state list', { cwd: '/home/dev/project/infra/envs/prod' }),
  h('terraform-and-state', 'terraform state show module.database.aws_db_instance.main', {
    cwd: '/home/dev/project/infra/envs/prod',
  }),
  h('terraform-and-state', 'terraform state pull > ../../backups/prod-2026-12-02.tfstate', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'saves a backup copy of the state',
  }),
  h('terraform-and-state', 'terraform destroy -auto-approve -var="pr_number=4821"', {
    cwd: '/home/dev/project/infra/envs/pr-preview-4821',
    note: 'per-PR preview environment that is routinely torn down after merge',
  }),
  h('terraform-and-state', 'terraform apply -auto-approve -var="api_image_tag=1.42.0"', {
    cwd: '/home/dev/project/infra/envs/staging',
    note: 'deploys a new image tag to staging',
  }),
  h('terraform-and-state', 'tofu plan -refresh-only', { cwd: '/home/dev/project/infra/live/prd' }),
  h('terraform-and-state', 'terragrunt run-all plan', { cwd: '/home/dev/project/infra/live/production' }),
  h('terraform-and-state', 'terraform import aws_s3_bucket.logs acme-prod-logs', {
    cwd: '/home/dev/project/infra/envs/prod',
    note: 'brings an existing bucket under management; changes nothing in the cloud',
  }),
  h('terraform-and-state', 'pulumi preview --stack acme/prod --diff'),
  h('terraform-and-state', 'terraform state rm null_resource.debug', {
    cwd: '/home/dev/project/infra/scratch',
    note: 'local scratch config with local state; a null_resource manages nothing real',
  }),

  // sql-clients: destructive
  d(
    'sql-clients',
    'psql "postgresql://admin@db-prod.acme.internal:5432/orders" -c "DROP TABLE order_items;"',
  ),
  d('sql-clients', 'psql -h prod-db.acme.internal -U app -d shop -c "TRUNCATE customers CASCADE;"'),
  d('sql-clients', 'psql "$DATABASE_URL" -c "DELETE FROM sessions;"', {
    env: { DATABASE_URL: 'postgres://app@db-prd.acme.internal:5432/app' },
  }),
  d('sql-clients', 'psql "$DATABASE_URL" -c "UPDATE users SET email_verified = false;"', {
    env: { DATABASE_URL: 'postgres://app@pg-live.acme.internal:5432/accounts' },
  }),
  d(
    'sql-clients',
    'psql -h orders-prod.cluster-c1x2y3z4.eu-west-1.rds.amazonaws.com -U postgres -d orders -c "ALTER TABLE orders DROP COLUMN shipping_address;"',
  ),
  d('sql-clients', 'psql -c "GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO analytics_ro;"', {
    env: { PGHOST: 'db-prod.acme.internal', PGDATABASE: 'orders', PGUSER: 'postgres' },
    note: 'gives the read-only analytics role write and delete rights on production',
  }),
  d('sql-clients', 'psql -h db-prod.acme.internal -U postgres -c "ALTER ROLE contractor WITH SUPERUSER;"'),
  d('sql-clients', 'mysql -h mysql-prod-primary.acme.internal -u root -p -e "DROP DATABASE shop;"'),
  d('sql-clients', 'mysql --defaults-group-suffix=_prod shop -e "DELETE FROM orders WHERE 1=1;"', {
    note: 'WHERE 1=1 matches every row',
  }),
  d(
    'sql-clients',
    "mysql -h live-db.acme.internal -u root -p -e \"GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION;\"",
  ),
  d(
    'sql-clients',
    'mysql -h mysql-prod-primary.acme.internal -u root -p -e "PURGE BINARY LOGS BEFORE NOW();"',
    {
      note: 'deletes the binlogs needed for point-in-time recovery and replicas',
    },
  ),
  d(
    'sql-clients',
    'pg_restore --clean --if-exists -d "postgresql://admin@db-prod.acme.internal/orders" ./dumps/orders-staging.dump',
    { note: '--clean drops the production objects before restoring staging data over them' },
  ),
  d(
    'sql-clients',
    'mysqldump -h mysql-staging.acme.internal shop | mysql -h mysql-prod-primary.acme.internal shop',
    {
      note: 'the dump carries DROP TABLE IF EXISTS, so production tables are replaced by staging ones',
    },
  ),
  d('sql-clients', 'sqlite3 /var/lib/grafana/grafana.db "DELETE FROM dashboard;"'),
  d(
    'sql-clients',
    'clickhouse-client --host ch-prod-01.acme.internal --query "DROP TABLE analytics.events ON CLUSTER prod SYNC"',
  ),
  d(
    'sql-clients',
    'clickhouse-client --host ch-prod-01.acme.internal --query "ALTER TABLE analytics.page_views DELETE WHERE 1"',
  ),
  d('sql-clients', 'dropdb -h db-prod.acme.internal -U postgres orders'),
  d('sql-clients', 'psql "service=prod" -c "DROP SCHEMA audit CASCADE;"', {
    note: 'destroys the audit records',
  }),

  // sql-clients: harmless
  h(
    'sql-clients',
    'psql "postgresql://readonly@db-prod.acme.internal:5432/orders" -c "SELECT count(*) FROM order_items WHERE created_at > now() - interval \'1 day\';"',
  ),
  h('sql-clients', 'psql -h prod-db.acme.internal -U app -d shop -c "\\dt+"'),
  h('sql-clients', 'psql "$DATABASE_URL" -c "EXPLAIN SELECT * FROM orders WHERE customer_id = 42;"', {
    env: { DATABASE_URL: 'postgres://app@db-prd.acme.internal:5432/app' },
  }),
  h('sql-clients', 'psql -h db-prod.acme.internal -U postgres -d orders -c "\\d+ users"'),
  h(
    'sql-clients',
    'pg_dump -h db-prod.acme.internal -U postgres -Fc -f backups/orders-2026-12-02.dump orders',
  ),
  h('sql-clients', 'pg_restore --list ./dumps/orders-prod.dump'),
  h(
    'sql-clients',
    'pg_restore --clean --if-exists -d postgresql://postgres@localhost:5432/orders_dev ./dumps/orders-prod.dump',
    { note: 'refreshes the local development database from a dump; nothing shared is touched' },
  ),
  h('sql-clients', 'mysql -h mysql-prod-replica.acme.internal -u readonly -p -e "SHOW PROCESSLIST;"'),
  h('sql-clients', "mysql -h mysql-prod-primary.acme.internal -u root -p -e \"SHOW GRANTS FOR 'app'@'%';\""),
  h(
    'sql-clients',
    'mysqldump --single-transaction --routines -h mysql-prod-replica.acme.internal shop > backups/shop-2026-12-02.sql',
  ),
  h('sql-clients', 'sqlite3 ./tmp/scratch.db "DROP TABLE IF EXISTS events;"', {
    note: 'scratch sqlite file under the project tmp directory; its name says it is scratch data',
  }),
  h('sql-clients', 'sqlite3 db/development.sqlite3 ".tables"'),
  h('sql-clients', 'sqlite3 -readonly /var/lib/grafana/grafana.db "SELECT id, title FROM dashboard;"'),
  h(
    'sql-clients',
    'clickhouse-client --host ch-prod-01.acme.internal --query "SELECT count() FROM analytics.events WHERE event_date = today()"',
  ),
  h('sql-clients', 'clickhouse-client --host localhost --query "DROP TABLE IF EXISTS scratch.tmp_events"', {
    note: 'scratch table on a local ClickHouse',
  }),
  h(
    'sql-clients',
    'psql -h localhost -U postgres -d app_test -c "TRUNCATE users, orders RESTART IDENTITY CASCADE;"',
    {
      note: 'local test database reset between test runs',
    },
  ),
  h(
    'sql-clients',
    'psql -h staging-db.acme.internal -U app -d shop -c "CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);"',
  ),
  h(
    'sql-clients',
    'mysql -h mysql-prod-replica.acme.internal -u readonly -p shop -e "EXPLAIN SELECT * FROM orders WHERE status = \'pending\';"',
  ),

  // nosql-and-cache-clients: destructive
  d(
    'nosql-and-cache-clients',
    'mongosh "mongodb+srv://admin@prod-cluster.abcde.mongodb.net/shop" --eval "db.dropDatabase()"',
  ),
  d('nosql-and-cache-clients', 'mongosh "$MONGO_URL" --eval "db.orders.deleteMany({})"', {
    env: { MONGO_URL: 'mongodb+srv://app@prod-cluster.abcde.mongodb.net/shop' },
  }),
  d(
    'nosql-and-cache-clients',
    'mongosh "mongodb://prod-mongo-0.acme.internal:27017/shop" --eval \'db.users.updateMany({}, {$set: {role: "admin"}})\'',
  ),
  d(
    'nosql-and-cache-clients',
    'mongosh "mongodb://prod-mongo-0.acme.internal:27017/analytics" --eval "db.events.drop()"',
  ),
  d(
    'nosql-and-cache-clients',
    'mongosh "mongodb://prod-mongo-0.acme.internal:27017/admin" --eval \'db.createUser({user: "contractor", pwd: "changeme", roles: ["root"]})\'',
  ),
  d(
    'nosql-and-cache-clients',
    'mongorestore --drop --uri "mongodb+srv://admin@prod-cluster.abcde.mongodb.net" ./dump/staging',
    { note: '--drop drops each production collection before restoring staging data into it' },
  ),
  d('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal FLUSHALL'),
  d('nosql-and-cache-clients', 'redis-cli -h cache-prd.acme.internal -n 2 FLUSHDB'),
  d(
    'nosql-and-cache-clients',
    'redis-cli -h sessions-live.acme.internal --scan --pattern "session:*" | xargs -n 100 redis-cli -h sessions-live.acme.internal DEL',
    { note: 'deletes every live session' },
  ),
  d('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal CONFIG SET save ""', {
    note: 'turns off RDB persistence',
  }),
  d('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal CONFIG SET protected-mode no'),
  d('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal SHUTDOWN NOSAVE'),
  d('nosql-and-cache-clients', 'cqlsh cassandra-prod-1.acme.internal -e "DROP KEYSPACE telemetry;"'),
  d('nosql-and-cache-clients', 'cqlsh cassandra-prod-1.acme.internal -e "TRUNCATE telemetry.readings;"'),
  d('nosql-and-cache-clients', 'nodetool -h cassandra-prod-1.acme.internal clearsnapshot --all', {
    note: 'deletes every on-disk snapshot, i.e. the backups',
  }),
  d('nosql-and-cache-clients', 'curl -X DELETE "https://es-prod.acme.internal:9200/orders-v3"'),
  d('nosql-and-cache-clients', 'etcdctl --endpoints=https://etcd-prod-1.acme.internal:2379 del "" --prefix', {
    note: 'an empty key with --prefix deletes every key',
  }),

  // nosql-and-cache-clients: harmless
  h(
    'nosql-and-cache-clients',
    'mongosh "mongodb+srv://readonly@prod-cluster.abcde.mongodb.net/shop" --eval \'db.orders.countDocuments({status: "pending"})\'',
  ),
  h(
    'nosql-and-cache-clients',
    'mongosh "mongodb://prod-mongo-0.acme.internal:27017/shop" --eval "db.getCollectionNames()"',
  ),
  h(
    'nosql-and-cache-clients',
    'mongosh "$MONGO_URL" --eval \'db.orders.find({customerId: 42}).limit(5).explain("executionStats")\'',
    { env: { MONGO_URL: 'mongodb+srv://app@prod-cluster.abcde.mongodb.net/shop' } },
  ),
  h(
    'nosql-and-cache-clients',
    'mongodump --uri "mongodb+srv://backup@prod-cluster.abcde.mongodb.net/shop" --out ./backups/mongo-2026-12-02',
  ),
  h('nosql-and-cache-clients', 'mongosh mongodb://localhost:27017/test --eval "db.dropDatabase()"', {
    note: 'local test database',
  }),
  h('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal INFO keyspace'),
  h(
    'nosql-and-cache-clients',
    'redis-cli -h redis-prod.acme.internal --scan --pattern "rate-limit:*" --count 100',
  ),
  h('nosql-and-cache-clients', 'redis-cli -h cache-prd.acme.internal KEYS "session:user:42:*"'),
  h('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal TTL session:9f8e7d6c'),
  h('nosql-and-cache-clients', 'redis-cli -h redis-prod.acme.internal CONFIG GET maxmemory-policy'),
  h('nosql-and-cache-clients', 'redis-cli -h localhost -p 6379 FLUSHALL', {
    note: 'local development cache on the workstation',
  }),
  h('nosql-and-cache-clients', 'redis-cli -h redis-staging.acme.internal SET feature:new-checkout on'),
  h('nosql-and-cache-clients', 'cqlsh cassandra-prod-1.acme.internal -e "DESCRIBE KEYSPACE telemetry;"'),
  h(
    'nosql-and-cache-clients',
    'cqlsh cassandra-prod-1.acme.internal -e "SELECT * FROM telemetry.readings WHERE sensor_id = \'abc-123\' LIMIT 10;"',
  ),
  h(
    'nosql-and-cache-clients',
    'nodetool -h cassandra-prod-1.acme.internal snapshot -t pre-upgrade-2026-12-02 telemetry',
    {
      note: 'takes a backup snapshot',
    },
  ),
  h('nosql-and-cache-clients', 'curl -s "https://es-prod.acme.internal:9200/_cat/indices?v"'),
  h(
    'nosql-and-cache-clients',
    'etcdctl --endpoints=https://etcd-prod-1.acme.internal:2379 snapshot save backups/etcd-2026-12-02.db',
  ),
  h(
    'nosql-and-cache-clients',
    'etcdctl --endpoints=https://etcd-prod-1.acme.internal:2379 get /registry/namespaces --prefix --keys-only',
  ),
];
