// Which service a secret variable's name belongs to, for the report's words: `GITHUB_TOKEN` → GitHub token.
// A name not listed is still reported, as a plain secret.

const SERVICES: readonly [RegExp, string][] = [
  [/^(GITHUB|GH)_/, 'GitHub'],
  [/^(GITLAB|GL|CI_JOB)_/, 'GitLab'],
  [/^(VAULT|BAO)_/, 'Vault'],
  [/^(AZURE|ARM)_/, 'Azure'],
  [/^(CLOUDSDK|GOOGLE|GCP|GCLOUD)_/, 'Google Cloud'],
  [/^AWS_/, 'AWS'],
  [/^(DIGITALOCEAN|DO)_/, 'DigitalOcean'],
  [/^(CLOUDFLARE|CF)_/, 'Cloudflare'],
  [/^HEROKU_/, 'Heroku'],
  [/^NPM_|^NODE_AUTH_TOKEN$/, 'npm'],
  [/^TF_TOKEN_|^(TFE|TF_CLOUD)_/, 'Terraform'],
  [/^(DOCKER|DOCKERHUB)_/, 'Docker'],
  [/^FLY_/, 'Fly.io'],
  [/^VERCEL_/, 'Vercel'],
  [/^NETLIFY_/, 'Netlify'],
  [/^(LINODE|HCLOUD|HETZNER|SCW|OVH|VULTR)_/, 'cloud provider'],
  [/^(DATADOG|DD)_/, 'Datadog'],
  [/^(PULUMI)_/, 'Pulumi'],
  [/^(OP|DOPPLER|INFISICAL)_/, 'secrets manager'],
  [/^(SLACK)_/, 'Slack'],
  [/^(STRIPE)_/, 'Stripe'],
  [/^(OPENAI|ANTHROPIC)_/, 'AI provider'],
  [/^(INTERLOCK)_/, 'Interlock'],
];

export function serviceOf(name: string): string | undefined {
  return SERVICES.find(([pattern]) => pattern.test(name))?.[1];
}
