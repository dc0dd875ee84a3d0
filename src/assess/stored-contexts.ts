import type { ActionFacts } from '../core/types.js';
import type { Word } from '../shell/words.js';
import { contextSwitch } from './context-switches.js';

/**
 * What CLIs keep in their own configuration, as commands earlier in the line left it (`docker context use
 * prod`, `kubectl config use-context prod`, `gcloud config set project x`, `terraform workspace select
 * prod`): every later call of the tool acts there, as the flag or variable it stands for would make it.
 * Followed in source order. The configuration is a file, not the shell's: a selection made in a subshell or
 * a script the line runs lasts too, so one instance is shared by the whole line (not by another machine's).
 * A dynamic Word: only the run can tell.
 */
export class StoredContexts {
  /** Stand for variables the tools also read, which win when actually set (DOCKER_CONTEXT…). */
  variables: Record<string, Word> = {};
  /** Stand for variables the analyzers read but the tool ignores: these win (AZURE_SUBSCRIPTION_ID). */
  overriding: Record<string, Word> = {};
  kubeContext?: Word;
  kubeNamespace?: Word;
  /** The workspace selected, and the directory it belongs to. */
  terraformWorkspace?: { name: Word; dir: string };

  /** Follows `name args…`, run in `cwd` with `variables` (nothing changes unless it selects something). */
  follow(name: string, args: readonly Word[], cwd: string, variables: Readonly<Record<string, Word>>): void {
    const change = contextSwitch(name, args, variables);
    if (!change) return;
    for (const [key, value] of Object.entries(change.variables ?? {}))
      if (value) this.variables[key] = value;
      else delete this.variables[key];
    Object.assign(this.overriding, change.overriding);
    if (change.kubeContext) this.kubeContext = change.kubeContext;
    // A new context brings its own namespace, which the line does not say.
    if (change.kubeNamespace === null) delete this.kubeNamespace;
    else if (change.kubeNamespace) this.kubeNamespace = change.kubeNamespace;
    if (change.terraformWorkspace) this.terraformWorkspace = { name: change.terraformWorkspace, dir: cwd };
  }

  /** The edge's facts as the selections change them, for a command run in `cwd`. */
  facts(facts: ActionFacts, cwd: string): ActionFacts {
    const { kubeContext, kubeNamespace, terraformWorkspace } = this;
    const workspace = terraformWorkspace?.dir === cwd ? terraformWorkspace.name : undefined;
    if (!kubeContext && !kubeNamespace && !workspace && cwd === facts.cwd) return facts;
    const next: ActionFacts = { ...facts, cwd };
    if (kubeContext) setKnown(next, 'kubeContext', kubeContext);
    if (kubeNamespace) setKnown(next, 'kubeNamespace', kubeNamespace);
    if (workspace) setKnown(next, 'terraformWorkspace', workspace);
    return next;
  }
}

/** A selection only the run can tell leaves the fact unknown: never the edge's earlier value. */
function setKnown(
  facts: ActionFacts,
  key: 'kubeContext' | 'kubeNamespace' | 'terraformWorkspace',
  value: Word,
): void {
  if (value.dynamic) delete facts[key];
  else facts[key] = value.value;
}
