import { posix } from 'node:path';
import { resolvePath } from '../analyzers/paths.js';
import { GLOBAL_VALUE as DOCKER_GLOBAL_VALUE } from '../shell/cli-options/docker.js';
import type { Redirect } from '../shell/extract.js';
import { optionValue, optionValues, parseOptions } from '../shell/options.js';
import type { Word } from '../shell/words.js';

// The files a command may read, as candidates for the approval digest: `kubectl delete -f app.yaml` is
// approved for the app.yaml that was there, not for whatever it says by the time the grant is used. The
// candidates are broad on purpose (every static argument that is not an option, option values, `< file`,
// and the files well-known programs read without naming them): a word that is not a path costs one stat
// at the edge and binds "missing", which stays missing until someone creates it.

/** What the commands of one shell script may read, for the digest (absolute paths, in the order seen). */
export interface ShellInputs {
  /** Files and directories: arguments, option values, `< file`, assignments, and implicit files. */
  paths: string[];
  /** Paths whose last component has wildcards: `*.yaml` arguments, terraform's `*.tf`, a manifest folder. */
  patterns: string[];
}

/** Where a command runs, and how it sees variables (its own assignments first). */
export interface InputContext {
  cwd: string;
  home: string;
  env: (name: string) => string | undefined;
}

/** Collects the inputs of every command of a script, without duplicates. */
export class InputCollector {
  private readonly paths = new Set<string>();
  private readonly patterns = new Set<string>();

  result(): ShellInputs {
    return { paths: [...this.paths], patterns: [...this.patterns] };
  }

  /** A file the assessment itself read (a Makefile, package.json), or looked for: bound like the others. */
  read(path: string): void {
    this.paths.add(path);
  }

  /** Adds one path (or a pattern when its last component has wildcards), resolved against `dir`. */
  private add(text: string, where: InputContext, dir = where.cwd): void {
    const path = resolvePath(text, dir, where.home);
    if (/[*?[]/.test(posix.basename(path))) this.patterns.add(path);
    else this.paths.add(path);
  }

  /** The inputs of one simple command (after wrappers were peeled), run where `where` says. */
  command(
    argv: readonly Word[],
    assignments: Readonly<Record<string, Word>>,
    redirects: readonly Redirect[],
    where: InputContext,
    name: string | undefined,
  ): void {
    const [program, ...args] = argv;
    // ./deploy.sh, bin/migrate: the program itself is a file of this project.
    if (program && !program.dynamic && program.value.includes('/')) this.add(program.value, where);
    for (const arg of args) {
      if (!arg.dynamic) for (const c of wordCandidates(arg.value)) this.add(c, where);
    }
    // KUBECONFIG=prod.yaml kubectl …, PGSERVICEFILE=… psql: a file named by a variable set for the command.
    for (const value of Object.values(assignments)) this.assigned(value, where);
    for (const r of redirects) this.redirect(r, where);
    if (name) this.implicit(name, args, where);
  }

  /** `< file` (also on a loop or a group: `while read x; do …; done < hosts`). */
  redirect(r: Redirect, where: InputContext): void {
    if ((r.operator === '<' || r.operator === '<>') && !r.target.dynamic) this.add(r.target.value, where);
  }

  /** A value given to a variable (`KUBECONFIG=a.yaml:b.yaml`, `export F=m.sql`) may name files. */
  assigned(value: Word, where: InputContext): void {
    if (value.dynamic) return;
    for (const part of new Set([value.value, ...value.value.split(':')]))
      for (const c of valueCandidates(part)) this.add(c, where);
  }

  /** Files well-known programs read without the command line naming them. */
  private implicit(name: string, args: readonly Word[], where: InputContext): void {
    const files = (dir: string, names: readonly string[]) => {
      for (const n of names) this.add(posix.join(dir, n), where);
    };
    const dirOf = (values: readonly string[]) =>
      values.reduce((dir, v) => resolvePath(v, dir, where.home), where.cwd);
    switch (name) {
      case 'make':
      case 'gmake': {
        const parsed = parseOptions(args, { withValue: ['-C', '--directory', '-f', '--file', '--makefile'] });
        files(dirOf(optionValues(parsed, '-C', '--directory')), ['GNUmakefile', 'makefile', 'Makefile']);
        return;
      }
      case 'npm':
      case 'pnpm':
      case 'yarn':
      case 'bun': {
        // `npm run x`, `yarn x`, `pnpm x`: the scripts of package.json say what runs.
        const parsed = parseOptions(args, { withValue: ['--prefix', '--cwd', '-C', '--dir'] });
        const dir = optionValue(parsed, '--prefix', '--cwd', '-C', '--dir');
        files(dir ? resolvePath(dir, where.cwd, where.home) : where.cwd, ['package.json']);
        return;
      }
      case 'docker':
      case 'podman':
      case 'nerdctl': {
        const parsed = parseOptions(args, { withValue: DOCKER_GLOBAL_VALUE, stopAtFirstPositional: true });
        if (parsed.positionals[0]?.value === 'compose') this.compose(parsed.positionals.slice(1), where);
        return;
      }
      case 'docker-compose':
      case 'podman-compose':
        this.compose(args, where);
        return;
      case 'terraform':
      case 'tofu':
      case 'terragrunt': {
        // What terraform acts on is the configuration of its directory: every top-level .tf and .tfvars
        // file, by content (a new backend block, another variable file), the selected backend and local
        // state. Modules outside the directory are not followed.
        const parsed = parseOptions(args, { withValue: ['-chdir', '--terragrunt-working-dir'] });
        const chdir = optionValue(parsed, '-chdir', '--terragrunt-working-dir');
        const dir = chdir ? resolvePath(chdir, where.cwd, where.home) : where.cwd;
        for (const p of ['*.tf', '*.tf.json', '*.tfvars', '*.tfvars.json'])
          this.patterns.add(posix.join(dir, p));
        const data = resolvePath(where.env('TF_DATA_DIR') ?? '.terraform', dir, where.home);
        files(dir, ['terraform.tfstate', '.terraform.lock.hcl', 'terragrunt.hcl']);
        files(data, ['terraform.tfstate', 'environment']);
        return;
      }
    }
    if (KUBE_TOOLS.has(name)) this.kube(name, args, where);
    if (/^(python[23]?(\.\d+)?|pypy3?)$/.test(name)) this.pythonModule(args, where);
  }

  /** `python3 -m tools.cleanup` runs tools/cleanup.py (or its package's __main__.py) when it is the project's. */
  private pythonModule(args: readonly Word[], where: InputContext): void {
    const at = args.findIndex((w) => w.value === '-m');
    const module = at >= 0 ? args[at + 1] : undefined;
    if (!module || module.dynamic || !/^[A-Za-z_][\w.]*$/.test(module.value)) return;
    const base = module.value.replace(/\./g, '/');
    for (const file of [`${base}.py`, `${base}/__main__.py`]) this.add(file, where);
  }

  private compose(args: readonly Word[], where: InputContext): void {
    const parsed = parseOptions(args, {
      withValue: ['-f', '--file', '--project-directory', '--env-file', '-p'],
    });
    const project = optionValue(parsed, '--project-directory');
    const dir = project ? resolvePath(project, where.cwd, where.home) : where.cwd;
    for (const n of COMPOSE_FILES) this.add(posix.join(dir, n), where);
    for (const f of (where.env('COMPOSE_FILE') ?? '').split(':').filter(Boolean)) this.add(f, where, dir);
  }

  private kube(name: string, args: readonly Word[], where: InputContext): void {
    // The kubeconfig says which cluster, user and namespace: every file kubectl merges, by content.
    const kubeconfig = where.env('KUBECONFIG');
    const configs = kubeconfig?.split(':').filter(Boolean) ?? [];
    for (const f of configs.length ? configs : [posix.join(where.home, '.kube', 'config')])
      this.add(f, where);
    if (name === 'helm') return;
    const parsed = parseOptions(args, { withValue: ['-f', '--filename', '-k', '--kustomize'] });
    for (const dir of optionValues(parsed, '-k', '--kustomize')) {
      const base = resolvePath(dir, where.cwd, where.home);
      for (const n of ['kustomization.yaml', 'kustomization.yml', 'Kustomization'])
        this.add(posix.join(base, n), where);
    }
    // `-f manifests/` reads every manifest of the folder (nothing matches when it names a file).
    for (const f of optionValues(parsed, '-f', '--filename')) {
      if (f === '-' || /^https?:\/\//.test(f)) continue;
      const base = resolvePath(f, where.cwd, where.home);
      for (const p of ['*.yaml', '*.yml', '*.json']) this.patterns.add(posix.join(base, p));
    }
  }
}

const KUBE_TOOLS = new Set(['kubectl', 'oc', 'kubecolor', 'helm', 'k9s', 'stern', 'kubectx', 'kubens']);

const COMPOSE_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
  '.env',
];

/** The paths one argument word may name: itself, an option's value, the value of `name=value`. */
function wordCandidates(text: string): string[] {
  if (!text.startsWith('-')) return valueCandidates(text);
  if (text === '-' || text === '--') return [];
  const eq = text.indexOf('=');
  // --filename=app.yaml, -chdir=prod, -var-file=prod.tfvars
  if (eq > 0) return valueCandidates(text.slice(eq + 1));
  // psql -fm.sql: a one-letter option with its value glued on, when the rest looks like a file.
  if (!text.startsWith('--') && text.length > 3 && /[./]/.test(text.slice(2)))
    return valueCandidates(text.slice(2));
  return [];
}

/** A value as paths: `file://x` and `@x` (aws, curl) name x; `key=path` (--from-file) names path too. */
function valueCandidates(text: string): string[] {
  if (text === '' || text.length > 4096 || text.includes('\0')) return [];
  const out: string[] = [];
  const push = (v: string) => {
    const file = /^fileb?:\/\//.test(v) ? v.replace(/^fileb?:\/\//, '') : v.startsWith('@') ? v.slice(1) : v;
    // Other URLs (https://, s3://) are not files of this machine.
    if (file !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) out.push(file);
  };
  push(text);
  const eq = text.indexOf('=');
  if (eq > 0) push(text.slice(eq + 1));
  return out;
}
