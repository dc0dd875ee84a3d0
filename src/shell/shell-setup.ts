// Tools whose output is shell code they wrote for the shell to load: completions and environment hooks.
// `source <(kubectl completion bash)` and `eval "$(pyenv init -)"` run what the tool prints, as every
// install guide says to; what they run is the tool's own setup, so they are judged as running the tool.

/** `TOOL completion [SHELL]`: programs whose completion subcommand prints a completion script. */
const COMPLETING = new Set([
  'kubectl',
  'helm',
  'gh',
  'glab',
  'kind',
  'minikube',
  'k3d',
  'kustomize',
  'flux',
  'argocd',
  'istioctl',
  'velero',
  'eksctl',
  'doctl',
  'oc',
  'op',
  'deno',
  'poetry',
  'pnpm',
  'npm',
  'docker',
  'podman',
  'pip',
  'pip3',
  'ruff',
  'just',
  'task',
  'cilium',
  'hubble',
  'linkerd',
  'kubeadm',
  'crictl',
  'talosctl',
  'vcluster',
  'skaffold',
  'tilt',
  'fly',
  'flyctl',
  'supabase',
  'stripe',
  'pulumi',
  'golangci-lint',
  'hugo',
  'nerdctl',
]);

/** Other commands that print setup code, word for word (`SHELL` is any of the shells). */
const SETUP_COMMANDS = [
  'pyenv init -',
  'pyenv init - SHELL',
  'pyenv init --path',
  'pyenv virtualenv-init -',
  'rbenv init -',
  'rbenv init - SHELL',
  'nodenv init -',
  'goenv init -',
  'jenv init -',
  'plenv init -',
  'direnv hook SHELL',
  'starship init SHELL',
  'zoxide init SHELL',
  'atuin init SHELL',
  'mcfly init SHELL',
  'mise activate SHELL',
  'rtx activate SHELL',
  'fnm env',
  'fnm env --use-on-cd',
  'brew shellenv',
  '/opt/homebrew/bin/brew shellenv',
  '/home/linuxbrew/.linuxbrew/bin/brew shellenv',
  'ssh-agent -s',
  'ssh-agent',
  'thefuck --alias',
  'conda shell.SHELL hook',
  'fzf --SHELL',
  'uv generate-shell-completion SHELL',
  'uvx --generate-shell-completion SHELL',
];

const SHELLS = ['bash', 'zsh', 'fish', 'sh'];

/** How a completion subcommand is told the shell: nothing, `bash`, `-s bash`, `--shell bash`, `--bash`. */
const COMPLETION_SHELL = /^(|(-s |--shell |--shell=|--)?(bash|zsh|fish|sh))$/;

const SETUP = new Set(
  SETUP_COMMANDS.flatMap((c) => (c.includes('SHELL') ? SHELLS.map((s) => c.replace('SHELL', s)) : [c])),
);

/**
 * The command inside `<(…)` or `$(…)` when it is one that only prints its own shell setup; undefined for
 * anything else (more than one command, quotes, expansions, another tool).
 */
export function shellSetupCommand(substitution: string): string | undefined {
  const m = /^[<$]\((.*)\)$/s.exec(substitution.trim());
  const inner = m?.[1]?.trim();
  if (!inner || /[;&|<>$`'"\\(){}\n*?[\]]/.test(inner)) return undefined;
  const words = inner.split(/\s+/);
  const [program, sub, ...rest] = words;
  if (program && COMPLETING.has(program) && sub === 'completion' && COMPLETION_SHELL.test(rest.join(' ')))
    return inner;
  return SETUP.has(words.join(' ')) ? inner : undefined;
}
