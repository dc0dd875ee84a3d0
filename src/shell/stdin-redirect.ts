import type { Redirect } from './extract.js';
import type { Word } from './words.js';

// Where a command's standard input comes from, for a shell or an interpreter that reads its program there
// (`sh < deploy.sh`, `python3 < wipe.py`). A file named as written is read; anything else is a stream
// whose text only the run knows: `bash < <(curl …)`, `sh < "$F"`, `bash 3< <(curl …) <&3`.

/** The last redirect of descriptor 0 that feeds it: `< FILE`, `<> FILE` or `<&N`. */
function stdinRedirect(redirects: readonly Redirect[]): Redirect | undefined {
  return redirects
    .filter((r) => ['<', '<>', '<&'].includes(r.operator) && (r.descriptor ?? '0') === '0')
    .at(-1);
}

/** The file standard input is redirected from (`< deploy.sh`), when it is named as written. */
export function stdinFile(redirects: readonly Redirect[]): Word | undefined {
  const input = stdinRedirect(redirects);
  return input && input.operator !== '<&' && !input.target.dynamic ? input.target : undefined;
}

/** Standard input redirected from what cannot be read first: a process substitution, a variable, a descriptor. */
export function stdinStream(redirects: readonly Redirect[]): Word | undefined {
  const input = stdinRedirect(redirects);
  if (!input) return undefined;
  // `<&-` closes standard input: nothing is read.
  if (input.operator === '<&') return input.target.value === '-' ? undefined : input.target;
  return input.target.dynamic ? input.target : undefined;
}

/** `/dev/stdin`, `/dev/fd/0`: a program file that is standard input itself. */
export const isStdinPath = (value: string) => /^\/(dev\/stdin|dev\/fd\/0|proc\/self\/fd\/0)$/.test(value);

/** `/dev/fd/3`, `/proc/self/fd/3`: a program file that is a descriptor another redirect opened. */
export const isDescriptorPath = (value: string) => /^\/(dev|proc\/self)\/fd\/[1-9]\d*$/.test(value);
