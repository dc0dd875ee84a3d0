import type { Analyzer } from './analyzer.js';
import { elasticBeanstalk } from './paas/elastic-beanstalk.js';
import { firebase } from './paas/firebase.js';
import { fly } from './paas/fly.js';
import { heroku } from './paas/heroku.js';
import { netlify } from './paas/netlify.js';
import { railway } from './paas/railway.js';
import { supabase } from './paas/supabase.js';
import { vercel } from './paas/vercel.js';
import { wrangler } from './paas/wrangler.js';
import type { SqlParser } from './sql-parser.js';

/**
 * Platforms as a service: Heroku, Fly.io, Vercel, Netlify, Railway, Supabase, Firebase, Cloudflare's
 * wrangler and Elastic Beanstalk's eb. Destroying apps, databases, volumes and buckets; removing config and
 * secrets; scaling to zero; rollbacks. App and project names are weak hints; `--env production`, `--prod`, `--context` explicit ones.
 */
export function paasAnalyzer(sql: SqlParser): Analyzer {
  return {
    family: 'paas',
    commands: [
      'heroku',
      'fly',
      'flyctl',
      'vercel',
      'netlify',
      'railway',
      'supabase',
      'firebase',
      'wrangler',
      'eb',
    ],
    // Only the local stacks (supabase's database, wrangler's local D1) stay local; the rest say local: false.
    local: true,
    environmentVariables: [],
    analyze(inv) {
      switch (inv.name) {
        case 'heroku':
          return heroku(inv);
        case 'vercel':
          return vercel(inv);
        case 'netlify':
          return netlify(inv);
        case 'railway':
          return railway(inv);
        case 'supabase':
          return supabase(inv);
        case 'firebase':
          return firebase(inv);
        case 'wrangler':
          return wrangler(inv, sql);
        case 'eb':
          return elasticBeanstalk(inv);
        default:
          return fly(inv);
      }
    },
  };
}
