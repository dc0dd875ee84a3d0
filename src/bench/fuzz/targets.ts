import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadParsers } from '../../app/checker.js';
import { loadRuntime, type Runtime } from '../../app/runtime.js';
import { startServer } from '../../server/serve.js';
import { createToken } from '../../server/tokens.js';
import { openStore } from '../../store/open.js';
import type { Identity } from '../../store/types.js';
import { apiCall, postProblem } from './api-target.js';
import { assessorProblem, decisionBody, httpProblem } from './decision-target.js';
import { faultProblem, faultyChecker, type Fault } from './fault-target.js';
import { hookEngine, hookEngineProblem, hookFault, hookPlace } from './hook-engine-target.js';
import { agentId, hookProblem, hookStdin } from './hook-target.js';
import { fixturePlans, mutatedPlanText, planProblem } from './plan-target.js';
import { runChunk, type ChunkResult } from './run-target.js';
import { anyText, mangled, placeFacts, shellCommand } from './shell-grammar.js';
import { analyzerPrograms, shellProblem } from './shell-target.js';
import type { Watchdog } from './watchdog.js';

// Every fuzz target of `npm run bench fuzz`, by name: what it needs set up (a runtime, a real server on a
// SQLite file, an audit log) and the generator and property it runs. test/fuzz/*.test.ts run the same
// generators and properties with fewer inputs.

/** Per call: a hang, not a slow input. */
const DEADLINE_MS = 10_000;

interface ChunkOptions {
  runs: number;
  seed: number;
  dog: Watchdog;
  lastInputFile?: string | undefined;
}

interface OpenTarget {
  run(options: ChunkOptions): Promise<ChunkResult>;
  close(): Promise<void>;
}

const FAULTS: fc.Arbitrary<Fault> = fc.record({
  where: fc.constantFrom('parser' as const, 'analyzer' as const, 'policy' as const),
  nth: fc.integer({ min: 1, max: 4 }),
});

const CALLER: Identity = {
  id: 'fuzz',
  kind: 'agent',
  name: 'fuzz',
  groups: [],
  actsFor: 'dev',
  createdAt: 0,
};

/** The built-in policies only: no configuration of this machine's user or directory. */
const builtinRuntime = (): Promise<Runtime> =>
  loadRuntime({ cwd: '/nonexistent-fuzz-dir', env: { HOME: '/nonexistent-fuzz-home' } });

const commands = () => mangled(shellCommand(analyzerPrograms()));
const deadline = { deadlineMs: DEADLINE_MS };
const nothing = () => Promise.resolve();

/** A real approval server on a SQLite file in a temporary directory, and an agent's token for it. */
async function realServer(rt: Runtime) {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-fuzz-'));
  const store = await openStore(join(dir, 'server.db'));
  const { token } = await createToken(store, { kind: 'agent', name: 'fuzz', actsFor: 'dev', createdBy: 'fuzz' });
  // The breaker is off: a million decisions is far above any sane limit, and freezing is not what is fuzzed.
  const server = await startServer({ store, port: 0, runtime: rt, breaker: { maxDestructive: 0, windowMs: 60_000 } });
  const close = async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: server.url, token, close };
} // prettier-ignore

type Opener = () => Promise<OpenTarget>;

function target<T>(name: string, inputs: fc.Arbitrary<T>, check: (input: T) => Promise<string | undefined>, close = nothing): OpenTarget {
  return { run: (o) => runChunk(name, inputs, check, o), close };
} // prettier-ignore

export const TARGETS: Record<string, Opener> = {
  'shell-text': async () => {
    const rt = await builtinRuntime();
    return target('shell-text', fc.tuple(anyText, placeFacts), ([c, p]) => shellProblem(rt, c, p, deadline));
  },
  shell: async () => {
    const rt = await builtinRuntime();
    return target('shell', fc.tuple(commands(), placeFacts), ([c, p]) => shellProblem(rt, c, p, deadline));
  },
  'shell-faults': async () => {
    const rt = await builtinRuntime();
    const faulty = faultyChecker(await loadParsers(), rt.evaluator);
    return target('shell-faults', fc.tuple(commands(), placeFacts, FAULTS), ([c, p, f]) => faultProblem(faulty, c, p, f));
  },
  plans: async () => {
    const rt = await builtinRuntime();
    return target('plans', mutatedPlanText(fixturePlans()), (t) => planProblem(t, rt.evaluator, DEADLINE_MS));
  },
  hooks: () =>
    Promise.resolve(target('hooks', fc.tuple(agentId, hookStdin), ([a, raw]) => hookProblem(a, raw, DEADLINE_MS))),
  'hooks-engine': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-fuzz-hooks-'));
    const engine = await hookEngine(join(dir, 'audit.db'));
    const inputs = fc.record({ agent: agentId, raw: hookStdin, env: hookPlace, fault: hookFault });
    const close = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    return target('hooks-engine', inputs, (i) => hookEngineProblem(engine, i, DEADLINE_MS), close);
  },
  decisions: async () => {
    const rt = await builtinRuntime();
    const bodies = decisionBody(commands(), mutatedPlanText(fixturePlans()));
    return target('decisions', bodies, (b) => assessorProblem(CALLER, b, rt, DEADLINE_MS));
  },
  'decisions-http': async () => {
    const server = await realServer(await builtinRuntime());
    const bodies = decisionBody(commands(), mutatedPlanText(fixturePlans()));
    return target('decisions-http', bodies, (b) => httpProblem(server.url, server.token, b, DEADLINE_MS), server.close);
  },
  'api-http': async () => {
    const server = await realServer(await builtinRuntime());
    return target('api-http', apiCall, (c) => postProblem(server.url, server.token, c, DEADLINE_MS), server.close);
  },
}; // prettier-ignore
