import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// The platform CLIs' tables (src/analyzers/paas/) listed only what destroys or changes: every other
// subcommand was an unrecognised call, denied as unverifiable wherever it landed in production (`ssh
// prod-web-1 vercel link`, `vercel deploy --prod`, `fly releases -a billing-prod`). Their everyday
// subcommands are now listed: the local and harmless ones change nothing, deploys are low reversible
// changes, and the ones that print or write out secrets are reported as secret reads. The rest stay
// unlisted, so unverifiable in production.

describe('everyday subcommands of the platform CLIs in production', () => {
  it.each([
    // vercel
    'ssh prod-web-1 vercel link --yes --project billing',
    'vercel link --yes --project billing --scope acme-prod',
    'ssh prod-web-1 vercel dev',
    'ssh prod-web-1 vercel build',
    'vercel build --prod',
    'ssh prod-web-1 vercel init nextjs',
    'ssh prod-web-1 vercel switch acme',
    'ssh prod-web-1 vercel teams switch acme',
    // netlify
    'ssh prod-web-1 netlify build',
    'netlify build --context production',
    'ssh prod-web-1 netlify link --id 1a2b3c',
    'ssh prod-web-1 netlify unlink',
    'ssh prod-web-1 netlify dev',
    'netlify dev --context production',
    'ssh prod-web-1 netlify serve',
    'ssh prod-web-1 netlify open:admin',
    'ssh prod-web-1 netlify functions:create send-invoice',
    'ssh prod-web-1 netlify functions:build',
    'ssh prod-web-1 netlify logs:function send-invoice',
    // fly
    'fly releases -a billing-prod',
    'fly releases --image -a billing-prod',
    'ssh prod-web-1 fly launch --no-deploy',
    'fly config show -a billing-prod',
    'fly config save -a billing-prod',
    'fly scale show -a billing-prod',
    'fly image show -a billing-prod',
    'fly dashboard -a billing-prod',
    'fly open -a billing-prod',
    'ssh prod-web-1 fly auth docker',
    'ssh prod-web-1 fly platform regions',
    // firebase
    'firebase use production',
    'ssh prod-web-1 firebase use billing-prod',
    'ssh prod-web-1 firebase init hosting',
    'ssh prod-web-1 firebase emulators:start',
    'firebase emulators:start --only functions --project billing-prod',
    'firebase serve --only hosting --project billing-prod',
    'ssh prod-web-1 firebase target:apply hosting main billing-prod',
    'ssh prod-web-1 firebase emulators:export ./seed',
    // wrangler
    'ssh prod-web-1 wrangler dev',
    'wrangler dev --env production',
    'wrangler types --env production',
    'ssh prod-web-1 wrangler init billing-worker',
    'ssh prod-web-1 wrangler d1 migrations create billing-db add_invoices',
    'ssh prod-web-1 wrangler pages functions build',
    // supabase
    'ssh prod-web-1 supabase start',
    'supabase link --project-ref prod',
    'supabase link --project-ref billing-prod -p secret',
    'ssh prod-web-1 supabase init',
    'ssh prod-web-1 supabase gen types typescript --linked',
    'supabase gen types typescript --project-id billing-prod',
    'ssh prod-web-1 supabase migration new add_invoices',
    'ssh prod-web-1 supabase functions new send-invoice',
    'ssh prod-web-1 supabase functions serve',
    'ssh prod-web-1 supabase unlink',
    // railway
    'ssh prod-web-1 railway link --project billing',
    'railway link --environment production',
    'ssh prod-web-1 railway unlink',
    'ssh prod-web-1 railway open',
    'railway environment link production',
    'railway service link billing-api --environment production',
    // heroku
    'heroku git:remote -a billing-prod',
    'ssh prod-web-1 heroku git:remote -a billing-prod',
    'heroku git:clone -a billing-prod',
    'heroku open -a billing-prod',
    'heroku apps:open -a billing-prod',
    'heroku addons:open heroku-postgresql -a billing-prod',
    'heroku releases:output 102 -a billing-prod',
    'ssh prod-web-1 heroku auth:whoami',
    'ssh prod-web-1 heroku local web',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).not.toContain('execute-unverifiable');
  });

  it.each([
    'vercel deploy --prod',
    'vercel --prod',
    'vercel ./web --prod',
    'vercel deploy --prebuilt --prod',
    'vercel deploy --target=production',
    'ssh prod-web-1 vercel deploy',
    'vercel redeploy billing-abc123.vercel.app --target production',
    'netlify deploy --prod',
    'netlify deploy --prod --dir dist --message "fix invoices"',
    'ssh prod-web-1 netlify deploy',
    'fly deploy -a billing-prod',
    'ssh prod-web-1 fly launch',
    'firebase deploy --project billing-prod',
    'firebase deploy --only hosting -P production',
    'firebase hosting:channel:deploy pr-12 --project billing-prod',
    'wrangler deploy --env production',
    'wrangler publish --env production',
    'ssh prod-web-1 wrangler pages deploy dist --project-name billing --branch main',
    'ssh prod-web-1 wrangler triggers deploy',
    'supabase functions deploy send-invoice --project-ref billing-prod',
    'railway up --environment production',
    'railway redeploy --environment production --yes',
    'railway restart --environment production',
    'heroku container:release web -a billing-prod',
    'heroku maintenance:off -a billing-prod',
  ])('%s is a low, reversible change in production, allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.environment).toBe('production');
    expect(r.assessment.effects).toEqual([
      expect.objectContaining({ operation: 'modify', risk: 'low', reversible: true }),
    ]);
  });

  it.each([
    'vercel env pull --environment=production',
    'vercel env pull .env.local',
    'vercel pull --environment=production',
    'vercel pull --yes',
    'heroku config -a billing-prod',
    'heroku config --shell -a billing-prod',
    'heroku config:get DATABASE_URL -a billing-prod',
    'heroku auth:token',
    'heroku pg:credentials:url -a billing-prod',
    'fly auth token',
    'firebase login:ci',
    'firebase functions:config:get --project billing-prod',
    'firebase functions:secrets:access STRIPE_KEY --project billing-prod',
    'railway variables --environment production',
    'railway variables --kv',
    'railway variables get STRIPE_KEY --environment production',
    'netlify env:get STRIPE_KEY --context production',
    'supabase projects api-keys --project-ref billing-prod',
  ])('%s reads secrets: reported, and allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    expect(r.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'read', category: 'secrets' }),
    );
  });

  it.each([
    'ssh prod-web-1 vercel frobnicate',
    'ssh prod-web-1 vercel bisect --run ./test.sh',
    'heroku apps:destroy -a billing-prod --confirm billing-prod',
    'heroku pg:push localdb DATABASE_URL -a billing-prod',
    'ssh prod-web-1 heroku local:run rake db:drop',
    'ssh prod-web-1 heroku plugins:install heroku-evil',
    'ssh prod-web-1 heroku redis:credentials --reset -a billing-prod',
    'ssh prod-web-1 netlify api deleteSite --data \'{"site_id":"1a2b3c"}\'',
    'ssh prod-web-1 netlify dev:exec ./migrate.sh',
    'netlify dev:exec --context production ./migrate.sh',
    `ssh prod-web-1 'netlify dev --command "rm -rf /srv/app"'`,
    'netlify dev --context production --command "./migrate.sh"',
    'fly scale count 0 -a billing-prod',
    'fly postgres connect -a billing-prod',
    'fly frobnicate -a billing-prod',
    'ssh prod-web-1 firebase emulators:exec "./seed.sh"',
    'ssh prod-web-1 firebase functions:shell',
    'firebase firestore:delete users --recursive --project billing-prod',
    'wrangler delete --env production',
    'ssh prod-web-1 wrangler pages dev -- ./serve.sh',
    'ssh prod-web-1 supabase db reset --linked',
    'ssh prod-web-1 supabase db dump --linked',
    'railway shell --environment production',
    'railway connect postgres --environment production',
    'railway down --environment production -y',
    'railway variables delete STRIPE_KEY --environment production',
  ])('%s is still not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    ['vercel deploy --prod', 'production'],
    ['vercel', 'unknown'],
    ['netlify deploy --prod', 'production'],
    ['netlify deploy', 'unknown'],
  ])('%s lands in %s', async (command, environment) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe(environment);
  });
});
