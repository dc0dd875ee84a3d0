import { posix } from 'node:path';
import type { ShellInputs } from '../assess/inputs.js';
import type { ActionFacts, FileFacts } from '../core/types.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { ActionView } from './api.js';
import type { WireFacts, WireProposal } from './wire.js';

// An approval is bound to a digest of the action as the approval server received it: the action itself
// (the command, the plan's JSON, the file changes, the MCP call) and every fact it was assessed with (the
// directory as given and through its symlinks, Terraform workspace, kube context, host, the variables the
// assessment read and those that choose accounts, clusters, databases and stacks, whether paths exist,
// the content of every file the command may read, the scripts and saved plans it runs). The agent's side
// records those facts as it assesses (facts-wire.ts); the server assesses again from them and computes
// the same digest itself. Change any of them and it is another action, which needs its own approval.

/** Bytes hashed for one action at most; files past it are bound to their identity and change times. */
const HASH_BUDGET = 64 * 1024 * 1024;
/** Files fingerprinted for one action at most; past it, the names a pattern matches are bound. */
const MAX_FILES = 2048;

/** A shell pattern's last component as a regular expression (`*` and `?` do not match a leading dot). */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${glob.startsWith('.') ? '' : '(?!\\.)'}${re}$`);
  } catch {
    // a class the shell would take literally ([z-a]): the name itself
    return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}

/**
 * Read what the command may read (every name a pattern matches now, too), so that the recorded facts, and
 * with them the digest, hold their content: a manifest edited or added to the folder is another action.
 */
export function readInputs(inputs: ShellInputs, files: FileFacts): void {
  const seen = new Set<string>();
  let budget = HASH_BUDGET;
  const bind = (path: string) => {
    if (seen.has(path) || seen.size >= MAX_FILES) return;
    seen.add(path);
    budget -= files.fingerprint(path, Math.max(0, budget)).hashed;
  };
  for (const path of inputs.paths) bind(path);
  for (const pattern of inputs.patterns) {
    const dir = posix.dirname(pattern);
    const match = globRegex(posix.basename(pattern));
    for (const name of files.list(dir)) if (match.test(name)) bind(posix.join(dir, name));
  }
}

/** sha256 over the canonical JSON of anything: the same action always gives the same digest. */
export function actionDigest(canonical: unknown): string {
  return sha256Hex(canonicalJson(canonical));
}

/** The digest an approval binds to: the action and the facts it was assessed with, as the server got them. */
export function wireDigest(proposal: WireProposal, facts: WireFacts): string {
  return actionDigest({ v: 3, proposal, facts });
}

/** A shell command as reviewers see it. */
export function shellView(command: string, facts: ActionFacts): ActionView {
  const view: ActionView = { kind: 'shell', command, cwd: facts.cwd };
  if (facts.host) view.host = facts.host;
  if (facts.kubeContext) view.kubeContext = facts.kubeContext;
  if (facts.terraformWorkspace) view.terraformWorkspace = facts.terraformWorkspace;
  return view;
}

/** A plan file (Terraform/OpenTofu, CloudFormation change set) as reviewers see it. */
export function planView(
  file: string,
  sha256: string,
  context: { workspace?: string; kind: string },
): ActionView {
  const view: ActionView = { kind: context.kind, file, sha256 };
  if (context.workspace) view.terraformWorkspace = context.workspace;
  return view;
}
