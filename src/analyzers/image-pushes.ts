import type { Effect } from '../core/types.js';
import { hasOption, optionValues, parseOptions } from '../shell/options.js';
import { GLOBAL_VALUE, SUB_VALUE } from '../shell/cli-options/docker.js';
import type { Analyzer, Invocation } from './analyzer.js';

// `docker push registry.acme.io/payments-api:production`, `skopeo copy docker://…:dev docker://…:prod`: the
// tag production pulls now names another image, and the next deploy or restart runs it. Pushing a new
// version's own tag (`:1.4.2`, `:sha-3f2a`) replaces nothing anyone runs.

/**
 * Tags production deployments follow rather than pin: replacing one changes what runs there. `latest` is
 * left out: it is every project's default, pushed all day from laptops and CI.
 */
const MOVING_TAG = /^(prod|production|live|stable)([-_.](eu|us|ap|\d+|[a-z]{2}-[a-z]+-\d))?$/i;
/** Options of push and build that take a value (so that value is not read as the image). */
const BUILD_VALUE = [
  ...SUB_VALUE,
  '--tag',
  '-f',
  '--file',
  '--platform',
  '--build-arg',
  '--target',
  '--cache-from',
  '--cache-to',
  '--output',
  '-o',
  '--progress',
  '--builder',
];

/** A registry on this machine (a test registry, kind's): nothing deploys from it. */
const LOCAL_REGISTRY = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//;

/** The tag of an image reference (`repo:tag`, `docker://repo:tag`); `latest` when none is given. */
function tagOf(ref: string): string | undefined {
  const bare = ref.replace(/^[a-z-]+:\/\//, '');
  if (bare.includes('@')) return undefined; // a digest names one image: nothing moves
  const last = bare.split('/').at(-1) ?? '';
  return last.includes(':') ? last.split(':').at(-1) : 'latest';
}

function pushed(inv: Invocation, ref: string, allTags = false): Effect[] {
  const tag = allTags ? 'every tag' : tagOf(ref);
  if (!tag || (!allTags && !MOVING_TAG.test(tag)) || LOCAL_REGISTRY.test(ref.replace(/^[a-z-]+:\/\//, '')))
    return [];
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
    if (/^(docker|podman|nerdctl)$/.test(inv.name)) {
      // Global options and their values come first (`docker --context remote push …`, `-H ssh://x`).
      const globals = parseOptions(inv.args, { withValue: GLOBAL_VALUE, stopAtFirstPositional: true });
      const rest = globals.positionals.map((w) => w.value);
      const parsed = parseOptions(globals.positionals.slice(1), { withValue: BUILD_VALUE });
      const refs = parsed.positionals.map((w) => w.value);
      const allTags = hasOption(parsed, '-a', '--all-tags');
      if (rest[0] === 'push' || (rest[0] === 'image' && refs[0] === 'push'))
        return pushed(inv, refs.at(-1) ?? '', allTags);
      // `docker build|buildx build --push -t REF` pushes what it builds.
      const building = rest[0] === 'build' || (rest[0] === 'buildx' && refs[0] === 'build');
      if (building && hasOption(parsed, '--push'))
        return [...optionValues(parsed, '-t', '--tag')].flatMap((ref) => pushed(inv, ref));
      return [];
    }
    const words = inv.args.map((w) => w.value).filter((w) => !w.startsWith('-'));
    // skopeo copy SRC DEST, crane copy|cp SRC DEST, crane tag REF TAG, regctl image copy SRC DEST.
    const copy = words.findIndex((w) => w === 'copy' || w === 'cp');
    if (copy >= 0 && words.length >= copy + 3) return pushed(inv, words[copy + 2]!);
    if (inv.name === 'crane' && words[0] === 'tag' && words[1] && words[2])
      return pushed(inv, `${words[1].replace(/(:[\w.-]+)?(@.*)?$/, '')}:${words[2]}`);
    return [];
  },
};
