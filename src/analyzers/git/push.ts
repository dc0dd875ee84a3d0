import type { Effect, EnvironmentHint } from '../../core/types.js';
import { hasOption, optionValue, optionValues, type ParsedOptions } from '../../shell/options.js';
import { gitOptions, make, type Args } from './common.js';

/** Branches whose history other people and deployments depend on. */
const PROTECTED = /^(main|master|trunk|develop|development|release.*|prod.*|production)$/i;

interface Ref {
  name: string;
  tag: boolean;
  forced: boolean;
  deleted: boolean;
}

/** What a push refspec updates on the remote: `+src:dst`, `:dst` (delete), `src` (same name). */
function refOf(spec: string, deleteAll: boolean): Ref {
  const forced = spec.startsWith('+');
  const body = forced ? spec.slice(1) : spec;
  const colon = body.lastIndexOf(':');
  const src = colon >= 0 ? body.slice(0, colon) : body;
  const dst = colon >= 0 ? body.slice(colon + 1) : body;
  const ref = dst || src;
  const tag = ref.startsWith('refs/tags/');
  const name = ref.replace(/^refs\/(heads\/|tags\/)?/, '').replace(/^HEAD$/, '<current branch>');
  return { name, tag, forced, deleted: deleteAll || (colon >= 0 && src === '') };
}

const PUSH_VALUES = ['--repo', '--receive-pack', '--exec', '-o', '--push-option'];

/**
 * The refs a lease names with the commit it expects there (`--force-with-lease=main:abc123`). Such a lease
 * does not lean on the remote-tracking ref, which a background fetch moves without anyone looking: the
 * author checked what the rewrite drops, so it is judged as a lease to a personal branch.
 */
function pinnedLeases(o: ParsedOptions): Set<string> {
  const pinned = optionValues(o, '--force-with-lease')
    .map((v) => /^([^:]+):(.+)$/.exec(v)?.[1])
    .filter((ref): ref is string => ref !== undefined);
  return new Set(pinned.map((ref) => ref.replace(/^refs\/heads\//, '')));
}

/** A URL may carry credentials (https://user:token@host/…): they must not reach reasons or logs. */
function withoutCredentials(remote: string): string {
  return remote.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/**
 * git push acts on a remote: force pushes rewrite its history, deletions remove its branches. The remote
 * and the branch are hints (a remote named `production`, a URL naming prod, a `prod` branch).
 */
export function push(args: Args): Effect[] {
  const o = gitOptions(args, PUSH_VALUES);
  if (hasOption(o, '-n', '--dry-run')) return [];
  const [remoteWord, ...specs] = o.positionals;
  const named = optionValue(o, '--repo') ?? remoteWord?.value;
  const remote = named === undefined ? '<upstream remote>' : withoutCredentials(named);
  const hints: EnvironmentHint[] = named === undefined ? [] : [{ source: 'git remote', value: remote }];
  const force = hasOption(o, '-f', '--force');
  // --force-if-includes only sharpens a lease; written alone it still says the push means to rewrite.
  const lease = hasOption(o, '--force-with-lease', '--force-if-includes');
  const pinned = pinnedLeases(o);
  const mirror = hasOption(o, '--mirror');
  const refs = specs.map((s) => refOf(s.value, hasOption(o, '-d', '--delete')));
  if (refs.length === 0) {
    const name = hasOption(o, '--all', '--branches') ? '<every branch>' : '<current branch>';
    refs.push({ name, tag: false, forced: false, deleted: false });
  }
  const effects: Effect[] = [];
  if (mirror)
    effects.push(
      make(
        'modify',
        'high',
        `${remote} (every ref)`,
        `git push --mirror makes every ref on ${remote} match this repository, overwriting and deleting remote branches and tags`,
        'git-history',
        hints,
      ),
    );
  if (hasOption(o, '--prune'))
    effects.push(
      make(
        'delete',
        'medium',
        `${remote} (branches with no local counterpart)`,
        `git push --prune deletes the branches on ${remote} that do not exist here`,
        'git-branch',
        hints,
      ),
    );
  for (const ref of refs) {
    // The remote says where it lands (explicit); a branch or tag is the name of what it rewrites (weak).
    const refHints = [
      ...hints,
      { source: ref.tag ? 'git tag' : 'git branch', value: ref.name, weak: true as const },
    ];
    const target = `${remote}/${ref.tag ? 'tags/' : ''}${ref.name}`;
    const risky = !ref.tag && (PROTECTED.test(ref.name) || ref.name === '<every branch>');
    const where = ref.name === '<current branch>' ? 'the current branch' : ref.name;
    if (ref.deleted) {
      const what = `${ref.tag ? 'tag' : 'branch'} ${ref.name}`;
      const reason = `git push deletes the ${what} on ${remote}`;
      effects.push(make('delete', risky ? 'high' : 'medium', target, reason, 'git-branch', refHints));
    } else if (force || ref.forced) {
      const via = ref.forced ? `the +${ref.name} refspec` : '--force';
      const reason = `git push ${via} overwrites the history of ${where} on ${remote}; commits others pushed are lost`;
      effects.push(make('modify', risky ? 'high' : 'medium', target, reason, 'git-history', refHints));
    } else if (lease) {
      // A lease refuses to drop commits nobody here has fetched, but a shared branch is still rewritten
      // under everyone who built on it. Without a refspec the current branch is not known here: the
      // everyday case is a rebased feature branch, so it stays low, as a lease to a named feature branch.
      const shared = risky && !pinned.has(ref.name);
      const reason = shared
        ? `git push --force-with-lease rewrites the shared ${where} on ${remote}: the lease only refuses commits pushed since the last fetch, and everyone who built on ${where} must rebase`
        : `git push --force-with-lease rewrites ${where} on ${remote} only if nobody else pushed`;
      effects.push(make('modify', shared ? 'medium' : 'low', target, reason, 'git-history', refHints));
    } else if (!mirror) {
      effects.push(
        make('modify', 'low', target, `git push updates ${where} on ${remote}`, 'git-branch', refHints),
      );
    }
  }
  return effects;
}
