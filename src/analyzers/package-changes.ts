import { inPlaceEditEffect } from './in-place-edit.js';
import type { Effect, Risk } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Where packages come from, and the machine's own packages. `npm config set registry https://…mirror.top/`
// or `pip install --index-url https://pypi.fastmirror.cc/simple/ -r requirements.txt` makes every install
// run code from a host nobody vetted; `sudo pip uninstall --break-system-packages cryptography` pulls a
// library out from under the system's own tools; `brew uninstall --zap` deletes an app's data with it.
// Installing from the public registries, and removing packages from a project's own environment, are
// everyday work.

/** The public registries (and their file hosts) installs come from by default, and one on this machine (Verdaccio, devpi). */
const OFFICIAL =
  /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]|registry\.npmjs\.org|registry\.yarnpkg\.com|registry\.npmmirror\.com|pypi\.org|pypi\.python\.org|files\.pythonhosted\.org|test\.pypi\.org)(:\d+)?(\/|$)/;
/** Options and settings that name where packages are fetched from. */
const SOURCE_OPTIONS =
  /^(--registry|--index-url|-i|--extra-index-url|--find-links|-f|--default-index|--index)$/;
const SOURCE_SETTINGS =
  /^(registry|@[\w-]+:registry|npmRegistryServer|global\.index-url|global\.extra-index-url|install\.index-url)$/;

const fx = (
  inv: Invocation,
  operation: Effect['operation'],
  risk: Risk,
  target: string,
  reason: string,
): Effect => ({
  operation,
  tool: inv.name,
  target,
  reversible: operation === 'modify',
  risk,
  reason: `${inv.name} ${reason}`,
  category: 'package',
});

/** The package sources a command sets or installs from, other than the public registries. */
function unofficialSources(inv: Invocation): string[] {
  const args = inv.args.map((w) => w.value);
  const found: string[] = [];
  args.forEach((a, i) => {
    const [name, joined] = a.startsWith('--') ? a.split(/=(.*)/s) : [a, undefined];
    if (SOURCE_OPTIONS.test(name ?? '')) found.push(joined ?? args[i + 1] ?? '');
  });
  // `npm config set registry URL`, `npm set registry URL`, `yarn config set npmRegistryServer URL`,
  // `pip config set global.index-url URL`.
  const set = args.indexOf('set');
  if (set >= 0 && SOURCE_SETTINGS.test(args[set + 1] ?? '')) found.push(args[set + 2] ?? '');
  const setting = args.find((a) => /^(registry|global\.index-url)=/.test(a));
  if (set >= 0 && setting) found.push(setting.split('=').slice(1).join('='));
  return found.filter((url) => /^https?:\/\//.test(url) && !OFFICIAL.test(url));
}

function systemPython(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  if (args[0] !== 'uninstall' || !(inv.elevated || args.includes('--break-system-packages'))) return [];
  const names = args.slice(1).filter((a) => !a.startsWith('-'));
  const what = names.join(' ') || 'packages';
  return [
    fx(
      inv,
      'delete',
      'high',
      what,
      `uninstall removes ${what} from the system's Python, which its own tools import`,
    ),
  ];
}

function brew(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  if (!/^(uninstall|remove|rm)$/.test(args[0] ?? '')) return [];
  const named = args
    .slice(1)
    .filter((a) => !a.startsWith('-'))
    .join(' ');
  const effects: Effect[] = [];
  if (args.includes('--zap'))
    effects.push(
      fx(
        inv,
        'delete',
        'medium',
        named || 'the cask',
        `uninstall --zap deletes ${named || 'the cask'} and every file it kept (settings, data, caches)`,
      ),
    );
  // brew refuses to remove a formula others depend on, unless told to ignore them: they then break.
  if (args.includes('--ignore-dependencies'))
    effects.push(
      fx(
        inv,
        'delete',
        'medium',
        named || 'the formula',
        `uninstall --ignore-dependencies removes ${named || 'the formula'} from under the formulae that depend on it`,
      ),
    );
  return effects;
}

/** The package managers themselves: removing one globally leaves the machine without it. */
const PACKAGE_MANAGERS = new Set(['npm', 'corepack', 'pnpm', 'yarn', 'npx']);

/** `npm uninstall -g npm`: the package manager removes itself (and `npm` with it, for every project). */
function selfRemoval(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  const global = args.includes('-g') || args.includes('--global') || args[0] === 'global';
  const verb = args.find((a) => !a.startsWith('-') && a !== 'global');
  if (!global || !/^(uninstall|un|remove|rm|r|unlink)$/.test(verb ?? '')) return [];
  return args
    .filter((a) => PACKAGE_MANAGERS.has(a) && a !== verb)
    .map((name) => fx(inv, 'delete', 'medium', name, `removes ${name} itself from this machine`));
}

/** `gem owner GEM --add|-a EMAIL`: someone else may publish (and take over) the gem. */
function gemOwner(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  if (args[0] !== 'owner') return [];
  const gem = args[1] ?? 'the gem';
  const added = args.findIndex((a) => a === '--add' || a === '-a');
  const removed = args.findIndex((a) => a === '--remove' || a === '-r');
  if (added > 0)
    return [
      fx(
        inv,
        'modify',
        'high',
        gem,
        `owner --add lets ${args[added + 1] ?? 'someone'} publish ${gem} (and take it over)`,
      ),
    ];
  if (removed > 0)
    return [
      fx(
        inv,
        'modify',
        'medium',
        gem,
        `owner --remove takes ${args[removed + 1] ?? 'someone'}'s right to publish ${gem} away`,
      ),
    ];
  return [];
}

/**
 * `npm pkg set scripts.reset="rm -rf ~/.aws"` rewrites package.json: a script it sets runs at the next `npm
 * run`, so the file counts as written by this command (`… && npm run reset` cannot be verified).
 */
function packageJsonEdit(inv: Invocation): Effect[] {
  const [group, verb] = inv.args.map((w) => w.value);
  if (inv.name !== 'npm' || group !== 'pkg' || (verb !== 'set' && verb !== 'delete')) return [];
  return [inPlaceEditEffect(inv, 'package.json', (path) => `pkg ${verb} rewrites ${path}`)];
}

export const packageChangesAnalyzer: Analyzer = {
  family: 'package-changes',
  commands: ['npm', 'pnpm', 'yarn', 'pip', 'pip3', 'uv', 'brew', 'gem'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    if (inv.name === 'brew') return brew(inv);
    if (inv.name === 'gem') return gemOwner(inv);
    const sources = unofficialSources(inv).map((url) =>
      fx(
        inv,
        'modify',
        'medium',
        url,
        `fetches packages from ${url}, not the public registry: what it installs runs code from that host`,
      ),
    );
    return [
      ...sources,
      ...(/^pip3?$/.test(inv.name) ? systemPython(inv) : selfRemoval(inv)),
      ...packageJsonEdit(inv),
    ];
  },
};
