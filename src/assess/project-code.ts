import type { Word } from '../shell/words.js';

// Build and test tools that run the code of the project they are run in: its build scripts (build.rs, a
// Gradle or CMake file, setup.py), its Gemfile or its tests. In a checkout that was there already that is
// everyday work; in one the same line fetched (`git clone URL && cd tool && cargo build`) it runs what was
// fetched, unread, as `make` or `./configure` there would (assess/shell.ts). Task runners (make, npm, just)
// and scripts are read as such and are not listed.

/** Which subcommands run the project's code ('any': every one), and what of it they run. */
interface Rule {
  subcommands: ReadonlySet<string> | 'any';
  runs: string;
}

const rule = (subcommands: string, runs: string): Rule => ({
  subcommands: subcommands === 'any' ? 'any' : new Set(subcommands.split(' ')),
  runs,
});

const TOOLS: ReadonlyMap<string, Rule> = new Map([
  ['cargo', rule('build b test t run r install bench check c clippy doc d', 'its build scripts and macros')],
  ['go', rule('run test generate', 'its code')],
  ...['mvn', 'mvnw', 'gradle'].map((n) => [n, rule('any', 'its build file and plugins')] as const),
  ...['cmake', 'meson', 'ninja', 'rake', 'tox', 'nox', 'pytest'].map(
    (n) => [n, rule('any', 'its build or test files')] as const,
  ),
  ['bundle', rule('install exec', 'its Gemfile')],
  ['composer', rule('install update', 'its scripts')],
  ['poetry', rule('install build', 'its build backend')],
  ['uv', rule('sync build run', 'its build backend')],
]);

/** `pip install .`, `pip install -e ./tool`: a project here, built by its own setup code. */
const LOCAL_PROJECT = /^(\.{1,2}|\.{0,2}\/.*)$/;

/** What of a project the command runs, and where that project is (its directories, as the command names them). */
interface ProjectCodeRun {
  runs: string;
  dirs: string[];
}

/** What of the project it names (or the working directory's) the command runs, when it runs its code. */
export function projectCodeRun(name: string, args: readonly Word[]): ProjectCodeRun | undefined {
  const words = args.filter((w) => !w.dynamic && !w.value.startsWith('-')).map((w) => w.value);
  if (name === 'pip' || name === 'pip3') {
    const dirs = words[0] === 'install' ? words.slice(1).filter((w) => LOCAL_PROJECT.test(w)) : [];
    return dirs.length ? { runs: 'its setup code', dirs } : undefined;
  }
  const found = TOOLS.get(name);
  if (!found) return undefined;
  if (found.subcommands === 'any' || found.subcommands.has(words[0] ?? ''))
    return { runs: found.runs, dirs: ['.'] };
  return undefined;
}
