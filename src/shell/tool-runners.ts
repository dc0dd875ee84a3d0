import type { OptionSpec } from './options.js';
import { parseOptions } from './options.js';
import type { Word } from './words.js';

// Runners that fetch a published tool and run it, or run a command in a project's environment:
// `go run github.com/pressly/goose/v3/cmd/goose@latest … reset` runs goose, `uvx --from awscli aws …`
// runs aws, `uv run --with boto3 python -c …` runs python. What they run is judged as that program.

/** Options of `uv run`, `poetry run`, `pdm run`, `rye run` that take a value: the command is after them. */
export const PROJECT_RUN_OPTIONS: OptionSpec = {
  withValue: [
    // uv
    '--with',
    '--with-editable',
    '--with-requirements',
    '-p',
    '--python',
    '--package',
    '--extra',
    '--group',
    '--only-group',
    '--no-group',
    '--env-file',
    '--directory',
    '--project',
    '--index',
    '--default-index',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '--index-strategy',
    '--keyring-provider',
    '--resolution',
    '--prerelease',
    '--exclude-newer',
    '--link-mode',
    '-P',
    '--upgrade-package',
    '--reinstall-package',
    '--refresh-package',
    '-C',
    '--config-setting',
    '--cache-dir',
    '--config-file',
    '--color',
    '--allow-insecure-host',
    '--python-preference',
    '--no-binary-package',
    '--no-build-package',
    // poetry, pdm, rye
    '--venv',
    '--pyproject',
  ],
  stopAtFirstPositional: true,
};

/** `uvx`, `uv tool run`, `pipx run`: options before the tool, and the one naming the package it comes from. */
const TOOL_RUN_OPTIONS: OptionSpec = {
  withValue: [...(PROJECT_RUN_OPTIONS.withValue ?? []), '--from', '--spec', '--pip-args', '--index-url'],
  stopAtFirstPositional: true,
};

const GO_BUILD_VALUES = [
  '-C',
  '-p',
  '-tags',
  '-ldflags',
  '-gcflags',
  '-asmflags',
  '-gccgoflags',
  '-mod',
  '-modfile',
  '-overlay',
  '-pgo',
  '-pkgdir',
  '-toolexec',
  '-exec',
  '-buildmode',
  '-buildvcs',
  '-compiler',
  '-installsuffix',
  '-covermode',
  '-coverpkg',
  '-o',
];

/** The words a runner runs: the tool's program and its arguments; undefined when not a published tool. */
export type RunWords = Word[] | undefined;

/** `uvx TOOL …`, `uv tool run TOOL …`, `pipx run TOOL …` (the argv after the runner's own words). */
export function toolRunWords(args: readonly Word[]): RunWords {
  const parsed = parseOptions(args, TOOL_RUN_OPTIONS);
  const [tool, ...rest] = parsed.positionals;
  if (!tool) return undefined;
  // `uvx ruff@0.6 check`, `uvx 'black[jupyter]' .`: the program is the package's name.
  const program = tool.dynamic ? tool.value : tool.value.replace(/[[@=<>~!].*$/, '');
  return [{ value: program, dynamic: tool.dynamic }, ...rest];
}

/**
 * `go run PACKAGE ARGS…` of a published module (`host.tld/…/cmd/goose@latest`) runs that module's
 * program, named after its last path element (a `/vN` major version is not a name). A package of this
 * project (`.`, `./cmd/x`, `main.go`) is a program nothing here knows: undefined.
 */
export function goRunWords(args: readonly Word[]): RunWords {
  const parsed = parseOptions(args, { withValue: GO_BUILD_VALUES, stopAtFirstPositional: true });
  const [pkg, ...rest] = parsed.positionals;
  if (!pkg || pkg.dynamic) return undefined;
  const path = pkg.value.replace(/@[^/]*$/, '');
  const [host] = path.split('/');
  if (!host || !host.includes('.') || path.startsWith('.') || path.endsWith('.go')) return undefined;
  const elements = path.split('/').filter((e) => e && !/^v\d+$/.test(e));
  const program = elements[elements.length - 1];
  return program ? [{ value: program, dynamic: false }, ...rest] : undefined;
}
