import { posix } from 'node:path';
import { stateWorkspace, type SensitiveFile } from '../analyzers/sensitive-files.js';
import { placeEffect, type Placement } from '../core/place.js';
import type { ActionFacts, Effect, EnvironmentHint, Operation, PlacedEffect } from '../core/types.js';

// What an agent's file tool (Write, Edit, apply_patch…) does to files that matter: credentials, .env,
// Terraform state, the Interlock configuration, the agents' hook settings. Ordinary files never get here.

export interface SensitiveChange {
  file: SensitiveFile;
  change: 'write' | 'edit' | 'delete';
}

export function fileWriteEffects(
  tool: string,
  changes: readonly SensitiveChange[],
  facts: ActionFacts,
  placement: Placement,
): PlacedEffect[] {
  return changes.flatMap(({ file, change }) => {
    const exists = facts.pathExists?.(file.path) ?? true;
    // A new data file holds nothing yet: only rewriting or deleting one that is there loses anything.
    if (file.category === 'data' && !exists) return [];
    const operation: Operation =
      change === 'delete' ? 'delete' : change === 'write' && exists ? 'replace' : 'modify';
    const hints: EnvironmentHint[] = [{ source: 'file name', value: posix.basename(file.path), weak: true }];
    if (file.category === 'terraform-state') {
      const workspace = stateWorkspace(file.path) ?? facts.terraformWorkspace;
      if (workspace) hints.push({ source: 'terraform workspace', value: workspace });
    }
    const verb = operation === 'delete' ? 'deletes' : operation === 'replace' ? 'overwrites' : 'changes';
    const effect: Effect = {
      operation,
      tool,
      target: file.path,
      reversible: operation === 'modify',
      risk: file.risk,
      reason: `${verb} ${file.path}: ${file.why}`,
      hints,
      category: file.category,
    };
    return placeEffect(effect, !file.remote, placement);
  });
}
