import { commandName } from '../shell/wrappers.js';
import type { Word } from '../shell/words.js';

// Local development tools that act on the working tree (build, test, lint, format, install, edit), by
// the subcommands that keep them there. Data, kept small: they stay free even when the environment holds
// production credentials. A subcommand not listed (`go run`, `cargo run`, `dotnet run`, `npm publish`,
// `mvn deploy`, a plugin goal) runs code nobody has seen, like any other unrecognised program.

/** Any subcommand, or only these (the first word that is not an option; every goal for mvn and gradle). */
type Rule = 'any' | ReadonlySet<string>;

const words = (text: string): Rule => new Set(text.split(' '));
const each = (names: string, rule: Rule) => names.split(' ').map((name) => [name, rule] as const);

const NODE_PACKAGES = words(
  'install i ci add remove rm uninstall un update up upgrade outdated audit ls list why info view pack run run-script test t build lint format start init create link rebuild dedupe prune version config cache doctor help --version -v',
);

const TOOLS: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  // Compilers and builds.
  ['go', words('build test vet fmt mod get install env version list doc clean work help')],
  [
    'cargo',
    words(
      'build b test t check c clippy fmt fetch doc d tree metadata update add remove new init bench clean help --version',
    ),
  ],
  ['dotnet', words('build test restore format clean pack new add remove list sln --info --version')],
  ['swift', words('build test package --version')],
  [
    'mvn',
    words(
      'compile test test-compile package verify install clean validate site dependency:tree dependency:resolve spotless:apply spotless:check checkstyle:check',
    ),
  ],
  ['mvnw', words('compile test test-compile package verify install clean validate dependency:tree')],
  ...each(
    'gradle gradlew',
    words(
      'build test check assemble clean compileJava compileKotlin lint ktlintCheck spotlessApply spotlessCheck dependencies tasks jar --version',
    ),
  ),
  ['bazel', words('build test query info version')],
  ['vite', words('build optimize --version')],
  ...each(
    'rustc javac kotlinc scalac tsc esbuild webpack rollup babel swc cmake ninja meson gcc g++ cc c++ clang clang++ ld',
    'any',
  ),
  // Task runners: the file they read is assessed line by line (src/assess/tasks/).
  ...each('make just task', 'any'),
  // Tests.
  ...each('pytest py.test jest vitest mocha rspec phpunit ava tap karma playwright cypress', 'any'),
  // Linters and formatters.
  ...each(
    'eslint prettier black isort ruff flake8 mypy pyright pylint rubocop golangci-lint gofmt goimports rustfmt shellcheck shfmt hadolint tflint stylelint markdownlint yamllint biome oxlint clang-format',
    'any',
  ),
  // Package installs (npm, yarn, pnpm and bun scripts are read as tasks).
  ...each('npm pnpm yarn bun', NODE_PACKAGES),
  ...each('pip pip3', words('install download list show freeze check wheel uninstall cache --version')),
  ['uv', words('pip sync lock add remove venv tree version --version')],
  ['poetry', words('install lock add remove show update check build env --version')],
  ['pipenv', words('install lock sync graph --version')],
  ['bundle', words('install update check list outdated')],
  ['composer', words('install update require dump-autoload validate show outdated')],
  ['gem', words('install list')],
  ['pre-commit', words('run install autoupdate')],
  ...each('tox nox protoc', 'any'),
  ['buf', words('generate lint format build breaking')],
  // Toolchains and packages of this machine.
  ['nvm', words('use install ls list current alias which version')],
  ...each('pyenv rbenv', words('install versions version local global which')),
  ['asdf', words('install list current local global plugin')],
  ['direnv', words('allow deny status reload')],
  ['brew', words('install list info upgrade update search outdated doctor uninstall remove rm cleanup')],
  ...each('apt apt-get', words('install update upgrade list search show policy')),
  // Local clusters: what they create and delete is on this machine.
  ...each('kind minikube k3d', 'any'),
  // Editors, pagers, inspection; files and archives in the working tree.
  ...each('less more vim vi nvim nano emacs code man tldr open xdg-open pbcopy pbpaste openssl', 'any'),
  ...each('mkdir touch patch tar zip unzip gzip gunzip xz unxz bzip2 mktemp clear history', 'any'),
  // Work that is known: dumps that only read a database into a file here, diagrams, terminal recorders.
  ...each('pg_dump pg_dumpall mysqldump mongodump dot script', 'any'),
  // Shell builtins that change only the shell's own state.
  ...each('export declare typeset local readonly let trap ulimit hash alias unalias source .', 'any'),
]);

/** Tools given a list of goals or tasks, each of which runs. */
const GOAL_LISTS = new Set(['mvn', 'mvnw', 'gradle', 'gradlew', 'bazel']);

/** Local wrappers of a tool (`./gradlew`, `node_modules/.bin/eslint`, `.venv/bin/pytest`): the same tool. */
const LOCAL_WRAPPER = /^(\.\/)?(gradlew|mvnw)$|(^|\/)(node_modules\/\.bin|vendor\/bin|\.?venv\/bin)\/[^/]+$/;

/** A program found by PATH, on the system's paths, or one of the project's local tool wrappers. */
const toolPath = (program: Word) =>
  !program.value.includes('/') ||
  /^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(program.value) ||
  LOCAL_WRAPPER.test(program.value);

/** Whether this command is an everyday local development tool doing everyday work. */
export function everydayTool(argv: readonly Word[]): boolean {
  const [program, ...args] = argv;
  if (!program || program.dynamic || !toolPath(program)) return false;
  const rule = TOOLS.get(commandName(program));
  if (!rule) return false;
  if (rule === 'any') return true;
  const subs = args.filter((w) => !/^[-+]/.test(w.value));
  // `mvn clean deploy`: every goal counts; elsewhere the first word is the subcommand.
  const asked = GOAL_LISTS.has(commandName(program)) ? subs : subs.slice(0, 1);
  // `gradle :app:build` is the build task of one project.
  const known = (w: Word) =>
    !w.dynamic && rule.has(w.value.startsWith(':') ? w.value.replace(/^.*:/, '') : w.value);
  if (!asked.length) return args.every(known); // `yarn`, `go --version`
  return asked.every(known);
}
