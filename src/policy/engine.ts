import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type * as CedarModule from '@cedar-policy/cedar-wasm/nodejs';
import { OUTCOMES, type Outcome } from '../core/types.js';
import type { PolicyEvaluator, PolicyRequest, PolicyVerdict } from '../core/decide.js';
import { onlyTightening } from './tiers.js';
import { lineAt, PolicyError, type CompiledPolicy, type PolicySource } from './policy-file.js';
import { requestKeyFor } from './request-key.js';

type Cedar = typeof CedarModule;

const SCHEMA_PATH = fileURLToPath(new URL('../../policies/interlock.cedarschema', import.meta.url));
export const PACKS_DIR = fileURLToPath(new URL('../../policies/packs/', import.meta.url));

const require = createRequire(import.meta.url);
const CEDAR_PACKAGE = '@cedar-policy/cedar-wasm';
let cedarModule: Cedar | undefined;
/** cedar-wasm is loaded lazily: a hook call that needs no policy decision never pays for it. Its Node
 * build is CommonJS that compiles its WebAssembly synchronously, so it can load at the moment of need. */
function loadCedarSync(): Cedar {
  if (!cedarModule) {
    // Node 20's V8 (11.3) can abort the whole process ("Fatal error … unreachable code", in
    // Deoptimizer::DoComputeBuiltinContinuation) when optimized code that inlined its call into WebAssembly
    // is deoptimized as that call returns. The decisions fuzzer lost about one process in ten to it, the last
    // deoptimization before each abort `evaluateUncached` coming back from Cedar. Calls into WebAssembly that
    // are not inlined leave no such frame; set before Cedar's code runs, so no optimized code inlined one.
    setFlagsFromString('--no-turbo-inline-js-wasm-calls');
    cedarModule = require('@cedar-policy/cedar-wasm/nodejs') as Cedar;
  }
  return cedarModule;
}

/**
 * Names the Cedar build on disk (its WebAssembly file's size and time): a new build, new verdicts. The
 * package is looked for where Node looks for it (the first directory on its search path that has it),
 * without resolving its exports map, which costs a one-shot command that answers from remembered
 * verdicts a few milliseconds; `./nodejs` is `nodejs/cedar_wasm.js` there.
 */
export function cedarBuildId(): string {
  try {
    for (const dir of require.resolve.paths(CEDAR_PACKAGE) ?? []) {
      const found = join(dir, CEDAR_PACKAGE);
      if (!existsSync(join(found, 'package.json'))) continue;
      const st = statSync(join(found, 'nodejs', 'cedar_wasm_bg.wasm'));
      return `${st.size}:${st.mtimeMs}`;
    }
  } catch {
    // no such file: as when the package is missing
  }
  return 'unknown';
}

export function readSchema(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

let nextSetId = 0;

function describe(errors: { message: string; help?: string | null }[]): string {
  return errors.map((e) => (e.help ? `${e.message} (${e.help})` : e.message)).join('; ');
}

function annotationOutcome(
  value: string | undefined,
  effect: 'permit' | 'forbid',
  origin: string,
  line: number,
): Outcome {
  if (effect === 'forbid') {
    if (value !== undefined && value !== 'deny')
      throw new PolicyError(
        `a forbid policy always denies; remove @outcome("${value}") or make it a permit`,
        origin,
        line,
      );
    return 'deny';
  }
  if (value === undefined) return 'allow';
  if (!(OUTCOMES as readonly string[]).includes(value)) {
    throw new PolicyError(`@outcome("${value}") is not one of ${OUTCOMES.join(', ')}`, origin, line);
  }
  return value as Outcome;
}

/** Split every source into policies, read their annotations, and check them against the schema. */
export interface PolicyDefaults {
  /** What @approvals("default") means (config approvals.default). */
  approvals: number;
  /** The approver group of require-approval policies that name none (config approvals.group). */
  group?: string;
}

const DEFAULTS: PolicyDefaults = { approvals: 2 };

function compilePolicies(
  cedar: Cedar,
  sources: readonly PolicySource[],
  schema: string,
  defaults: PolicyDefaults = DEFAULTS,
  validated = false,
): CompiledPolicy[] {
  const compiled: CompiledPolicy[] = [];
  const ids = new Map<string, string>();
  for (const source of sources) {
    const parts = cedar.policySetTextToParts(source.text);
    if (parts.type === 'failure') {
      const at = parts.errors[0]?.sourceLocations?.[0]?.start;
      throw new PolicyError(
        `not valid Cedar: ${describe(parts.errors)}`,
        source.origin,
        at === undefined ? undefined : lineAt(source.text, at),
      );
    }
    if (parts.policy_templates.length)
      throw new PolicyError('templates are not supported; write static policies', source.origin);
    let searchFrom = 0;
    parts.policies.forEach((text, index) => {
      const found = source.text.indexOf(text.trim().slice(0, 40), searchFrom);
      const line = found >= 0 ? lineAt(source.text, found) : 1;
      if (found >= 0) searchFrom = found + 1;
      const json = cedar.policyToJson(text);
      if (json.type === 'failure') throw new PolicyError(describe(json.errors), source.origin, line);
      const annotations = json.json.annotations ?? {};
      const id = annotations.id ?? `${source.origin}#${index + 1}`;
      if (ids.has(id))
        throw new PolicyError(`duplicate @id("${id}"), also in ${ids.get(id)}`, source.origin, line);
      ids.set(id, source.origin);
      const approvals =
        annotations.approvals === undefined
          ? 0
          : annotations.approvals === 'default'
            ? defaults.approvals
            : Number(annotations.approvals);
      if (!Number.isInteger(approvals) || approvals < 0 || approvals > 20) {
        throw new PolicyError(
          `@approvals("${annotations.approvals}") must be a whole number from 0 to 20`,
          source.origin,
          line,
        );
      }
      const outcome = annotationOutcome(annotations.outcome, json.json.effect, source.origin, line);
      if (outcome === 'require-approval' && approvals === 0) {
        throw new PolicyError(
          '@outcome("require-approval") needs @approvals("N") with N ≥ 1',
          source.origin,
          line,
        );
      }
      const policy: CompiledPolicy = {
        id,
        origin: source.origin,
        line,
        effect: json.json.effect,
        outcome,
        approvals,
        allowOwnTeam: annotations.allow_own_team === 'true',
        text,
      };
      const group = annotations.group ?? (outcome === 'require-approval' ? defaults.group : undefined);
      if (group) policy.group = group;
      if (annotations.message) policy.message = annotations.message;
      if (source.tightenOnly) policy.tightenOnly = true;
      compiled.push(policy);
    });
  }
  // Validating against the schema is half of compiling; a set found valid before is the same set again.
  if (validated) return compiled;
  const validation = cedar.validate({
    schema,
    policies: { staticPolicies: Object.fromEntries(compiled.map((p) => [p.id, p.text])) },
    validationSettings: { mode: 'strict' },
  });
  if (validation.type === 'failure')
    throw new PolicyError(`the schema or policies do not parse: ${describe(validation.errors)}`, 'policies');
  const first = validation.validationErrors[0];
  if (first) {
    const policy = compiled.find((p) => p.id === first.policyId);
    throw new PolicyError(
      `does not match the Interlock schema: ${describe([first.error])}`,
      policy?.origin ?? 'policies',
      policy?.line,
    );
  }
  return compiled;
}

/** Cedar evaluation of preparsed policies. Each instance owns one preparsed policy set inside cedar-wasm. */
/**
 * The action hierarchy of the schema ("delete" in "mutate" and "destroy") as Cedar entities: for each
 * action, the entities a request for it needs (itself and its groups), so `action in …` works.
 */
function actionEntities(cedar: Cedar, schema: string): Map<string, CedarModule.EntityJson[]> {
  const json = cedar.schemaToJson(schema);
  if (json.type === 'failure') throw new PolicyError(describe(json.errors), 'schema');
  const actions = json.json.Interlock?.actions ?? {};
  const entity = (id: string): CedarModule.EntityJson => ({
    uid: { type: 'Interlock::Action', id },
    attrs: {},
    parents: (actions[id]?.memberOf ?? []).map((m) => ({ type: 'Interlock::Action', id: m.id })),
  });
  return new Map(
    Object.entries(actions).map(([id, action]) => [
      id,
      [entity(id), ...(action.memberOf ?? []).map((m) => entity(m.id))],
    ]),
  );
}

const MEMO_LIMIT = 4096;

/**
 * Cedar evaluation of preparsed policies. Each instance owns one preparsed policy set inside cedar-wasm.
 * Policies are validated against the schema once, at load; a call then carries only the request. A call
 * into the WebAssembly module costs ~100 µs, so identical requests (the same principal, operation and
 * context; most harmless commands are exactly that) reuse the earlier verdict: a verdict is a pure function
 * of the request and this instance's policies, so the memo is exact, never a guess. Context fields no
 * policy reads are left out of the memo key (request-key.ts): an action's many targets share one call.
 */
export class CedarPolicyEvaluator implements PolicyEvaluator {
  private readonly setId = `interlock-${nextSetId++}`;
  private readonly byId: Map<string, CompiledPolicy>;
  private readonly memo = new Map<string, PolicyVerdict>();
  /** Requests that differ only in what no policy reads (an effect's target, usually) share a verdict. */
  private readonly keyOf: (request: PolicyRequest) => string;

  private constructor(
    private readonly cedar: Cedar,
    readonly policies: readonly CompiledPolicy[],
    private readonly actions: ReadonlyMap<string, CedarModule.EntityJson[]>,
  ) {
    this.byId = new Map(policies.map((p) => [p.id, p]));
    this.keyOf = requestKeyFor(policies.map((p) => p.text));
    const result = cedar.preparsePolicySet(this.setId, {
      staticPolicies: Object.fromEntries(policies.map((p) => [p.id, p.text])),
    });
    if (result.type === 'failure') throw new PolicyError(describe(result.errors), 'policies');
  }

  static async load(
    sources: readonly PolicySource[],
    defaults: PolicyDefaults = DEFAULTS,
    schema = readSchema(),
  ): Promise<CedarPolicyEvaluator> {
    return CedarPolicyEvaluator.loadSync(sources, defaults, schema);
  }

  /**
   * Load cedar-wasm (if not yet) and compile the policies, now. Throws PolicyError on a bad policy.
   * `validated`: this exact set (policies, schema, defaults) passed schema validation in an earlier
   * process (its verdict memo says so), so it is not validated again; everything else is still checked.
   */
  static loadSync(
    sources: readonly PolicySource[],
    defaults: PolicyDefaults = DEFAULTS,
    schema = readSchema(),
    validated = false,
  ): CedarPolicyEvaluator {
    const cedar = loadCedarSync();
    const policies = compilePolicies(cedar, sources, schema, defaults, validated);
    return new CedarPolicyEvaluator(cedar, policies, actionEntities(cedar, schema));
  }

  evaluate(request: PolicyRequest): PolicyVerdict {
    const key = this.keyOf(request);
    const known = this.memo.get(key);
    if (known) return known;
    const verdict = this.evaluateUncached(request);
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, verdict);
    return verdict;
  }

  /** One Cedar authorization call, without the memo (benchmarks measure both). */
  evaluateUncached(request: PolicyRequest): PolicyVerdict {
    const { principal } = request;
    const principalUid = { type: `Interlock::${principal.type}`, id: principal.id };
    const entities: CedarModule.EntityJson[] = [
      {
        uid: principalUid,
        attrs:
          principal.type === 'Agent'
            ? {
                name: principal.id,
                vendor: principal.vendor ?? '',
                model: principal.model ?? '',
                session: principal.session ?? '',
                actsFor: principal.actsFor ?? '',
              }
            : { name: principal.id },
        parents: (principal.groups ?? []).map((g) => ({ type: 'Interlock::Group', id: g })),
      },
      {
        uid: { type: 'Interlock::Environment', id: request.context.environment },
        attrs: { class: request.context.environment },
        parents: [],
      },
      ...(this.actions.get(request.operation) ?? []),
    ];
    const answer = this.cedar.statefulIsAuthorized({
      principal: principalUid,
      action: { type: 'Interlock::Action', id: request.operation },
      resource: { type: 'Interlock::Environment', id: request.context.environment },
      context: wellFormed(request.context) as Record<string, CedarModule.CedarValueJson>,
      preparsedPolicySetId: this.setId,
      entities,
    });
    if (answer.type === 'failure') return { matched: [], errors: [describe(answer.errors)] };
    const { decision, diagnostics } = answer.response;
    const matched = diagnostics.reason
      .map((id) => this.byId.get(id))
      .filter((p): p is CompiledPolicy => p !== undefined);
    const errors = diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`);
    // Cedar names the forbids when it denies and the permits when it allows.
    if (decision === 'deny') return { matched: matched.filter((p) => p.effect === 'forbid'), errors };
    return { matched: onlyTightening(matched, this.policies), errors };
  }
}

/**
 * The value with every lone surrogate (`\ud800`, which no UTF-8 text can hold) made U+FFFD. Cedar refuses a
 * request holding one anywhere, even in a field no policy reads, while the verdict memo (keyed by what the
 * policies read) answers the same request without asking Cedar: a target with one was asked the first time
 * (the failure fails closed) and allowed the next (the decisions fuzzer found it). Cedar now sees what any
 * UTF-8 reader of the text would, the same every time.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD');
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    out[key.replace(LONE_SURROGATE, '\uFFFD')] = wellFormed(field);
  return out;
}
const LONE_SURROGATE = /\p{Surrogate}/gu;

/** Stands in when the policies could not be loaded: every evaluation reports the error, so production-scoped
 * decisions fail closed (deny) and the rest ask the user. It never allows. */
export class BrokenPolicyEvaluator implements PolicyEvaluator {
  readonly policies: readonly CompiledPolicy[] = [];
  constructor(readonly error: Error) {}

  evaluate(): PolicyVerdict {
    return { matched: [], errors: [`the policies could not be loaded: ${this.error.message}`] };
  }
}
