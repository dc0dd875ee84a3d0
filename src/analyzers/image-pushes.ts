import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// `docker push registry.acme.io/payments-api:production`, `skopeo copy docker://…:dev docker://…:prod`: the
// tag production pulls now names another image, and the next deploy or restart runs it. Pushing a new
// version's own tag (`:1.4.2`, `:sha-3f2a`) replaces nothing anyone runs.

/**
 * Tags production deployments follow rather than pin: replacing one changes what runs there. `latest` is
 * left out: it is every project's default, pushed all day from laptops and CI.
 */
const MOVING_TAG = /^(prod|production|live|stable)([-_.]\w+)?$/i;

/** The tag of an image reference (`repo:tag`, `docker://repo:tag`); `latest` when none is given. */
function tagOf(ref: string): string | undefined {
  const bare = ref.replace(/^[a-z-]+:\/\//, '');
  if (bare.includes('@')) return undefined; // a digest names one image: nothing moves
  const last = bare.split('/').at(-1) ?? '';
  return last.includes(':') ? last.split(':').at(-1) : 'latest';
}

function pushed(inv: Invocation, ref: string): Effect[] {
  const tag = tagOf(ref);
  if (!tag || !MOVING_TAG.test(tag)) return [];
  return [
    {
      operation: 'replace',
      tool: inv.name,
      target: ref,
      reversible: true,
      risk: 'medium',
      reason: `${inv.name} makes ${ref} another image: whatever deploys or restarts from the ${tag} tag runs it`,
      category: 'container',
      hints: [{ source: 'image tag', value: tag }],
    },
  ];
}

export const imagePushesAnalyzer: Analyzer = {
  family: 'image-pushes',
  commands: ['docker', 'podman', 'nerdctl', 'skopeo', 'crane', 'regctl'],
  local: false,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    const words = inv.args.map((w) => w.value).filter((w) => !w.startsWith('-'));
    if (/^(docker|podman|nerdctl)$/.test(inv.name))
      return words[0] === 'push' || (words[0] === 'image' && words[1] === 'push')
        ? pushed(inv, words.at(-1) ?? '')
        : [];
    // skopeo copy SRC DEST, crane copy|cp SRC DEST, crane tag REF TAG, regctl image copy SRC DEST.
    const copy = words.findIndex((w) => w === 'copy' || w === 'cp');
    if (copy >= 0 && words.length >= copy + 3) return pushed(inv, words[copy + 2]!);
    if (inv.name === 'crane' && words[0] === 'tag' && words[1] && words[2])
      return pushed(inv, `${words[1].replace(/(:[\w.-]+)?(@.*)?$/, '')}:${words[2]}`);
    return [];
  },
};
