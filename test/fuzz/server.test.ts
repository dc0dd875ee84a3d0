import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { apiCall, postProblem } from '../../src/bench/fuzz/api-target.js';
import { assessorProblem, decisionBody, httpProblem } from '../../src/bench/fuzz/decision-target.js';
import { fixturePlans, mutatedPlanText } from '../../src/bench/fuzz/plan-target.js';
import { mangled, shellCommand } from '../../src/bench/fuzz/shell-grammar.js';
import { analyzerPrograms } from '../../src/bench/fuzz/shell-target.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { Identity, Store } from '../../src/store/types.js';
import { SQLITE } from '../store/stores.js';
import { sharedRuntime } from '../support/runtime.js';
import { people, serverOn } from '../server/harness.js';
import { DEADLINE_MS, holds, SEED } from './support.js';

// Property-based tests of the approval server's decision API (issue 17): the server's own assessment
// directly, and the real server over HTTP.

const PROGRAMS = analyzerPrograms();
const BODIES = decisionBody(mangled(shellCommand(PROGRAMS)), mutatedPlanText(fixturePlans()));
const AGENT: Identity = {
  id: 'id_fuzz',
  kind: 'agent',
  name: 'claude',
  groups: [],
  actsFor: 'alice',
  createdAt: 0,
};

describe('fuzzing the approval server’s decisions', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    ({ store, cleanup } = await SQLITE.create());
    token = (await people(store)).agent;
    server = await serverOn(store);
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('assesses any body the API accepts: a refusal with a message or a decision, the same twice', async () => {
    const runtime = await sharedRuntime();
    await fc.assert(
      fc.asyncProperty(BODIES, (body) => holds(assessorProblem(AGENT, body, runtime, DEADLINE_MS))),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('answers any body over HTTP with a 4xx and a message or a well-formed reply, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(BODIES, (body) => holds(httpProblem(server.url, token, body, DEADLINE_MS))),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('answers the other bodies (executions, votes, freezes, checkpoints) the same way, hostile or not', async () => {
    await fc.assert(
      fc.asyncProperty(apiCall, (call) => holds(postProblem(server.url, token, call, DEADLINE_MS))),
      { seed: SEED, numRuns: 100 },
    );
  });
});
