import type { Shape } from './spellings.js';

// Issue 14: the same command run from a file the agent wrote first: a script (`bash ops.sh`), a make
// target, a package.json script. The files live in memory; the test hands them to the check through
// `facts.readScript`, as the edge would after reading them from the command's directory.

/** A command and the files, by name relative to its directory, it runs. */
export interface SpelledWithFiles {
  command: string;
  files: Readonly<Record<string, string>>;
}

export interface FileSpelling {
  name: string;
  spell: (shape: Shape) => SpelledWithFiles | undefined;
}

const script = (name: string, command: string, shebang = ''): FileSpelling => ({
  name,
  spell: (s) => ({ command, files: { 'ops.sh': `${shebang}${s.text}\n` } }),
});

/** The command as one recipe line: make gives `$$` to the shell as `$`. */
const makeRecipe = (text: string) => text.replaceAll('$', '$$$$');

// A command that runs make (or npm…) itself would read the spelling's own Makefile (package.json), not the
// project's: it would no longer run the same thing.
const RUNS_MAKE = /\bmake\b/;
const RUNS_PACKAGE_SCRIPTS = /\b(npm|npx|yarn|pnpm|bun)\b/;

/**
 * Held corpus commands whose hold rests only on a value the run computes (`$CMD`, `$(docker ps -q)`), not
 * spelled from a file. Typed, the agent's command is that value's only source; in a script it is one of
 * the run-time guesses everyday scripts make throughout (gradlew's `exec "$JAVACMD"`), which a script
 * reports at low risk by design (README, "Script files are read too"). A literal command is not exempt,
 * and neither is a value the command line hands the script (`CMD=… bash ops.sh`).
 */
export const RUN_TIME_VALUES: ReadonlySet<string> = new Set([
  'psql -c "$SQL"',
  'bash -c "$CMD"',
  'git -c alias.x="$CMD" x',
  'terraform $ACTION -auto-approve',
  'docker container kill $(docker ps -q)',
]);

const SPELLINGS_FROM_FILES: readonly FileSpelling[] = [
  script('bash ops.sh', 'bash ops.sh'),
  script('sh ./ops.sh', 'sh ./ops.sh'),
  script('source ops.sh', 'source ops.sh'),
  script('./ops.sh', './ops.sh', '#!/bin/bash\n'),
  {
    // make runs each recipe line in a shell of its own: a here-document spanning lines is not one command.
    // `SHELL` is bash, as the agent's shell is, so bash's syntax (`<<<`, `$'…'`) means the same.
    name: 'make deploy',
    spell: (s) =>
      s.multiline || RUNS_MAKE.test(s.text)
        ? undefined
        : {
            command: 'make deploy',
            files: { Makefile: `SHELL := /bin/bash\n\ndeploy:\n\t${makeRecipe(s.text)}\n` },
          },
  },
  {
    name: 'npm run x',
    spell: (s) =>
      RUNS_PACKAGE_SCRIPTS.test(s.text)
        ? undefined
        : {
            command: 'npm run x',
            files: {
              'package.json': `${JSON.stringify({ name: 'ops', scripts: { x: s.text } }, null, 2)}\n`,
            },
          },
  },
];

/**
 * A command that runs a SQL file (`psql -f m.sql`, `mysql db < m.sql`): clients read it at the edge, and in a
 * spelling's world only the spelled file exists, so the SQL file is missing and nothing would run. Typed,
 * the corpus judges it unseen (no reader). Not the same command: not spelled from a file.
 */
const READS_SQL_FILE = /(?:\s-f\s*|<\s*)\S+\.sql\b/;

export const FILE_SPELLINGS: readonly FileSpelling[] = SPELLINGS_FROM_FILES.map(({ name, spell }) => ({
  name,
  spell: (s) => (RUN_TIME_VALUES.has(s.text) || READS_SQL_FILE.test(s.text) ? undefined : spell(s)),
}));
