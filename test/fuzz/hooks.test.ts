import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import {
  hookEngine,
  hookEngineProblem,
  hookFault,
  hookPlace,
} from '../../src/bench/fuzz/hook-engine-target.js';
import { agentId, hookProblem, hookStdin } from '../../src/bench/fuzz/hook-target.js';
import { DEADLINE_MS, holds, SEED } from './support.js';

// Property-based tests of the hook envelopes (issue 17): every agent's stdin, well-formed, hostile or not.

describe('fuzzing the hook envelopes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-fuzz-hooks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answer any stdin in the agent’s protocol, block what they cannot read, hand commands on as sent', async () => {
    await fc.assert(
      fc.asyncProperty(agentId, hookStdin, (agent, raw) => holds(hookProblem(agent, raw, DEADLINE_MS))),
      { seed: SEED, numRuns: 1_500 },
    );
  });

  it('a command written with a JSON escape, or as Codex’s argument vector, is the command handed on (false alarms of the million run)', async () => {
    // U+202E arrives as `\u202e` in the text and as the character itself once parsed.
    const raw = JSON.stringify({
      hook_event_name: 'beforeShellExecution',
      command: '\u202erm -rf /',
    }).replace('\u202e', '\\u202e');
    await holds(hookProblem('cursor', raw, DEADLINE_MS));
    const handedOn = JSON.stringify({ hook_event_name: 'beforeShellExecution', command: 'rm -rf /' });
    await holds(hookProblem('cursor', handedOn, DEADLINE_MS));
    const argv = JSON.stringify({ tool_name: 'Bash', tool_input: { command: ['bash', '-lc', 'ls "a b"'] } });
    await holds(hookProblem('codex', argv, DEADLINE_MS));
  });

  it('through the whole engine, in production or not, an internal error never allows', async () => {
    const engine = await hookEngine(join(dir, 'audit.db'));
    const inputs = fc.record({ agent: agentId, raw: hookStdin, env: hookPlace, fault: hookFault });
    await fc.assert(
      fc.asyncProperty(inputs, (input) => holds(hookEngineProblem(engine, input, DEADLINE_MS))),
      { seed: SEED, numRuns: 200 },
    );
  });
});
