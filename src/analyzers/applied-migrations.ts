import type { Effect, EnvironmentHint } from '../core/types.js';
import type { Invocation } from './analyzer.js';

// Applying migrations (`migrate up`, `sqitch deploy`, `goose … up`) runs the SQL of files not read here:
// as an unrecognised program, unverifiable in production. `DATABASE_URL=…prod… dbmate up` was judged so,
// but the same database given on the command line (`migrate -database postgres://…prod-db… up`) was not
// looked at, and the command was allowed. Where the command line says it lands is one of the environment's
// hints here, as a variable would be.

/** The unrecognised-program judgement of `command`, with the database it names among the hints. */
export function appliedUnseen(inv: Invocation, command: string, hints: EnvironmentHint[]): Effect[] {
  if (!hints.length) return [];
  return [
    {
      operation: 'execute-unverifiable',
      tool: inv.name,
      target: inv.text,
      reversible: false,
      risk: 'high',
      reason: `${command} applies migrations from files not read here`,
      unrecognised: true,
      hints,
    },
  ];
}
