import type { PlacedEffect } from './types.js';

/** One effect as `--json` prints it (shell checks and plan checks alike). */
export function effectJson(e: PlacedEffect): Record<string, unknown> {
  return {
    operation: e.operation,
    tool: e.tool,
    target: e.target,
    reversible: e.reversible,
    risk: e.risk,
    environment: e.environment,
    reason: e.reason,
    ...(e.category ? { category: e.category } : {}),
  };
}
