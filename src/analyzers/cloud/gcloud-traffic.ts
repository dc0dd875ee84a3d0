import type { Risk } from '../../core/types.js';
import { has, values, type CloudArgs } from './common.js';

// `gcloud run services update-traffic`: where a Cloud Run service's requests go. Every request sent to one
// tagged revision (a pull request's preview, usually) puts it in front of every user; a split that keeps
// most traffic where it was is a canary, everyday work.

interface Share {
  /** A tag (`--to-tags`) or a revision (`--to-revisions`, LATEST among them). */
  tag: boolean;
  name: string;
  percent: number;
}

/** `pr-812=100,stable=0` → its shares; a percent that is not a number is left out. */
function shares(args: CloudArgs, option: '--to-tags' | '--to-revisions'): Share[] {
  return values(args, option)
    .flatMap((v) => v.split(','))
    .map((pair) => {
      const eq = pair.lastIndexOf('=');
      return {
        tag: option === '--to-tags',
        name: pair.slice(0, eq).trim(),
        percent: Number(pair.slice(eq + 1)),
      };
    })
    .filter((s) => s.name !== '' && Number.isFinite(s.percent));
}

/** The risk of a traffic change and what it does, for `run services update-traffic`; undefined otherwise. */
export function runTraffic(
  groups: string,
  verb: string,
  args: CloudArgs,
): { risk: Risk; what: string } | undefined {
  if (groups !== 'run services' || verb !== 'update-traffic') return undefined;
  if (has(args, '--to-latest')) return { risk: 'medium', what: 'sends every request to the latest revision' };
  const all = [...shares(args, '--to-tags'), ...shares(args, '--to-revisions')].find((s) => s.percent >= 100);
  if (all?.tag)
    return {
      risk: 'high',
      what: `sends every request to the revision tagged ${all.name} (a tag names a preview, not what users get)`,
    };
  if (all) return { risk: 'medium', what: `sends every request to revision ${all.name}` };
  return { risk: 'low', what: 'splits traffic between revisions or changes their tags' };
}
