import { localFacts } from '../adapters/local-facts.js';
import type { ActionFacts } from '../core/types.js';
import type { BatchLine } from './batch-line.js';

/**
 * The facts of batch lines, worked out once per cwd and extra variables over one frozen environment
 * (reading the live `process.env` is slow, and a frozen object lets the fact recorder remember which of
 * its variables place an action).
 */
export function batchFacts(cwd: string | undefined, baseEnv: Readonly<Record<string, string>>) {
  const cache = new Map<string, { env: Readonly<Record<string, string>>; facts?: ActionFacts }>();
  const entry = (line: Pick<BatchLine, 'cwd' | 'env'>) => {
    const key = `${line.cwd ?? cwd ?? ''}\0${line.env ? JSON.stringify(line.env) : ''}`;
    let found = cache.get(key);
    if (!found) {
      if (cache.size > 1000) cache.clear();
      cache.set(key, (found = { env: line.env ? Object.freeze({ ...baseEnv, ...line.env }) : baseEnv }));
    }
    return found;
  };
  return {
    /** The line's environment: the batch's with the line's own variables over it. */
    envOf: (line: Pick<BatchLine, 'cwd' | 'env'>) => entry(line).env,
    factsOf(line: Pick<BatchLine, 'cwd' | 'env'>): ActionFacts {
      const found = entry(line);
      return (found.facts ??= localFacts({ cwd: line.cwd ?? cwd, env: found.env }));
    },
  };
}
