import fc from 'fast-check';
import type { PipelineRuntime } from '../../app/evaluate.js';
import { DecisionBody, DecisionReply, type DecisionWire } from '../../approvals/api.js';
import { OUTCOMES } from '../../core/types.js';
import { assessOnServer } from '../../server/assessor.js';
import type { Identity } from '../../store/types.js';
import { postProblem } from './api-target.js';
import { hostileJsonText } from './hostile-json.js';
import { isRefusal, problemOfError, timed } from './verdicts.js';

// The approval server's decision API under fuzzing: bodies shaped like {proposal, facts, local?, agent?}
// with values of every kind, and anything else. Each body is refused with a message (a 4xx) or gets a
// well-formed reply; never a 500, never a stack. Straight through the assessor for speed, or over HTTP.

const PROD_ENV = { AWS_PROFILE: 'prod', KUBECONFIG: '/home/dev/.kube/prod' };

const text = (max: number) => fc.string({ maxLength: max });
const anything = fc.jsonValue({ maxDepth: 2 });
/** Mostly a valid value, now and then anything at all: most bodies must get past the schema. */
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 15, arbitrary: valid }, anything);

const facts = fc.record(
  {
    cwd: mostly(fc.oneof(fc.constant('/home/dev/project'), text(20))),
    home: fc.oneof(fc.constant('/home/dev'), text(20)),
    env: mostly(
      fc.oneof(
        fc.constantFrom({}, PROD_ENV, { PGHOST: null }),
        fc.dictionary(
          fc.constantFrom('AWS_PROFILE', 'PGHOST', 'X', ''),
          fc.oneof(text(20), fc.constant(null)),
        ),
      ),
    ),
    kubeContext: fc.constantFrom('production', 'dev', ''),
    reads: mostly(fc.subarray(['paths', 'files', 'scripts', 'plans'])),
    exists: fc.dictionary(text(10), fc.boolean()),
    scripts: fc.dictionary(
      fc.constantFrom('/home/dev/project/ops.sh', 'x'),
      fc.oneof(
        fc.record({
          kind: fc.constant('text'),
          text: fc.constantFrom('rm -rf /', 'ls', 'kubectl delete ns prod'),
        }),
        fc.record({
          kind: fc.constantFrom('missing', 'binary', 'unreadable'),
          head: text(5),
          reason: text(5),
        }),
      ),
    ),
    plans: fc.dictionary(text(10), fc.record({ error: text(20) })),
  },
  { requiredKeys: ['cwd', 'home', 'env'] },
);

/** A proposal of each kind, `command` and `text` from the other targets' generators. */
function proposal(command: fc.Arbitrary<string>, planText: fc.Arbitrary<string>) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('shell'), command }) },
    fc.record(
      {
        kind: fc.constant('plan'),
        file: fc.constant('plan.json'),
        text: planText,
        environment: fc.constantFrom('production', 'dev'),
      },
      { requiredKeys: ['kind', 'file', 'text'] },
    ),
    fc.record({
      kind: fc.constant('file-write'),
      tool: fc.constantFrom('Write', ''),
      changes: fc.array(
        fc.record({
          path: fc.constantFrom('.env', '/etc/passwd', '.interlock/config.yaml', 'src/a.ts', ''),
          category: fc.constantFrom('credentials', 'interlock-config', 'interlock-config', 'nonsense'),
          risk: fc.constantFrom('none', 'high', 'critical'),
          why: text(10),
          remote: fc.boolean(),
          change: fc.constantFrom('write', 'edit', 'delete'),
        }),
        { maxLength: 3 },
      ),
    }),
    fc.record({
      kind: fc.constant('mcp-call'),
      call: fc.record(
        { server: text(10), tool: fc.constantFrom('query', 'drop_table', 'delete_database'), args: anything },
        { requiredKeys: ['tool'] },
      ),
    }),
  );
}

const local = fc.record({
  outcome: mostly(fc.constantFrom(...OUTCOMES)),
  approvals: mostly(fc.integer({ min: 0, max: 100 })),
  reasons: fc.array(text(10), { maxLength: 2 }),
  policies: fc.constant([]),
  approverGroup: fc.constantFrom('platform', 'platform', 'platform', 'bad group'),
}, { requiredKeys: ['outcome', 'approvals'] }); // prettier-ignore

/** Decision bodies as JSON text: shaped like the API's, every field possibly of the wrong kind, made hostile. */
export function decisionBody(
  command: fc.Arbitrary<string>,
  planText: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return hostileJsonText(fc.oneof(
    { weight: 15, arbitrary: fc.record({ proposal: mostly(proposal(command, planText)), facts, local, agent: fc.record({ vendor: text(10), model: text(10) }) }, { requiredKeys: ['proposal', 'facts'] }) },
    anything,
  )); // prettier-ignore
}

/** The body names production: its facts or its command point there. */
function productionBody(body: DecisionWire): boolean {
  const env = body.facts.env;
  const text = body.proposal.kind === 'shell' ? body.proposal.command : '';
  return (
    env.AWS_PROFILE === 'prod' || body.facts.kubeContext === 'production' || /--context[ =]prod/.test(text)
  );
}

/** One body straight through the server's own assessment (what POST /v1/decisions runs). */
export async function assessorProblem(
  caller: Identity,
  body: string,
  runtime: PipelineRuntime,
  deadlineMs: number,
): Promise<string | undefined> {
  // The server parses the text (a 400 if it is not JSON), then the schema (a 400 naming the field).
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = DecisionBody.safeParse(raw);
  if (!parsed.success) return undefined; // a 400 naming the field (src/server/app.ts readJson)
  // A copy of the runtime is another memo (src/server/assessor.ts): each call assesses afresh.
  const once = () => assessOnServer(caller, parsed.data, { ...runtime });
  let first;
  try {
    first = await timed(once, deadlineMs);
  } catch (error) {
    return isRefusal(error) ? undefined : problemOfError(error);
  }
  const second = await once();
  const { outcome } = first.decision;
  if (outcome !== second.decision.outcome || first.digest !== second.digest)
    return `not a function of its input: ${outcome}/${first.digest} then ${second.decision.outcome}/${second.digest}`;
  if (!/^[0-9a-f]{64}$/.test(first.digest)) return `a digest that is not a sha256: ${first.digest}`;
  const internal = first.decision.reasons.some((r) => r.includes('internal error'));
  if (internal && outcome !== 'deny' && productionBody(parsed.data))
    return `an internal error in production came out ${outcome}`;
  return undefined;
}

/** One body over HTTP: a 4xx with a message, or a reply the client can read; never a 500 or a stack. */
export function httpProblem(
  url: string,
  token: string,
  body: string,
  deadlineMs: number,
): Promise<string | undefined> {
  const readable = (json: unknown) => DecisionReply.safeParse(json).success;
  return postProblem(url, token, { path: '/v1/decisions', body }, deadlineMs, readable);
}
