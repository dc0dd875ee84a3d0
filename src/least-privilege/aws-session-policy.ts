import type { Access } from '../core/types.js';
import { iamActions } from './aws-actions.js';
import { resourceArns, type ArnContext } from './aws-arns.js';

// An IAM session policy for exactly what was approved: the IAM actions of the approved aws effects, on
// the ARNs they named, and nothing else. Passed with AssumeRole, it narrows the role's own permissions
// for a session that ends after 15 minutes (DurationSeconds 900, the shortest AssumeRole allows).

export const SESSION_SECONDS = 900;

/** An effect as this generator needs it: what it acts on and the permission it exercises. */
export interface GrantSource {
  target: string;
  access?: Access;
}

interface PolicyStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface SessionPolicy {
  policy: IamPolicy;
  /** The parameters of an sts:AssumeRole call that carries the policy (RoleArn is the caller's). */
  assumeRole: { DurationSeconds: number; Policy: string };
  /** Why a resource is wider than one ARN (`*`, or `*` in a field). */
  notes: string[];
  /** Effects that do not name an IAM action yet, and why. */
  unmapped: { target: string; why: string }[];
}

/** One IAM action on one resource. */
interface Grant {
  action: string;
  resource: string;
}

type Mapped = { grants: Grant[]; notes: string[] } | { why: string };

function grantsOf(source: GrantSource, context: ArnContext): Mapped {
  const access = source.access;
  if (access?.kind !== 'aws') return { why: 'the analyzer recorded no AWS operation for it' };
  const actions = iamActions(access);
  if ('unmapped' in actions) return { why: actions.unmapped };
  const arns = resourceArns(access, context);
  const resources = 'arns' in arns ? arns.arns : ['*'];
  const notes = 'arns' in arns ? arns.notes : [`${actions.actions.join(', ')} on *: ${arns.any}`];
  // s3:ListBucket is granted on the bucket, object actions on the objects.
  const fits = (action: string, arn: string) =>
    !/^arn:[^:]+:s3:::/.test(arn) || (action === 's3:ListBucket') === !arn.includes('/');
  const grants = actions.actions.flatMap((action) => {
    const own = resources.filter((r) => r === '*' || fits(action, r));
    return (own.length ? own : resources).map((resource) => ({ action, resource }));
  });
  return { grants, notes };
}

/** Grants folded into the fewest statements: actions sharing exactly the same resources go together. */
function statementsOf(grants: readonly Grant[]): PolicyStatement[] {
  const byAction = new Map<string, Set<string>>();
  for (const g of grants) byAction.set(g.action, (byAction.get(g.action) ?? new Set()).add(g.resource));
  const byResources = new Map<string, PolicyStatement>();
  for (const [action, set] of [...byAction].sort(([a], [b]) => a.localeCompare(b))) {
    // A wildcard covers the rest: `*` alone.
    const resources = set.has('*') ? ['*'] : [...set].sort();
    const key = resources.join('\n');
    const statement = byResources.get(key);
    if (statement) statement.Action.push(action);
    else byResources.set(key, { Effect: 'Allow', Action: [action], Resource: resources });
  }
  return [...byResources.values()];
}

/** The session policy that allows exactly the approved aws effects. */
export function sessionPolicy(approved: readonly GrantSource[], context: ArnContext = {}): SessionPolicy {
  const grants: Grant[] = [];
  const notes = new Set<string>();
  const unmapped: SessionPolicy['unmapped'] = [];
  for (const source of approved) {
    if (source.access && source.access.kind !== 'aws') continue;
    const mapped = grantsOf(source, context);
    if ('why' in mapped) unmapped.push({ target: source.target, why: mapped.why });
    else {
      grants.push(...mapped.grants);
      for (const n of mapped.notes) notes.add(n);
    }
  }
  const policy: IamPolicy = { Version: '2012-10-17', Statement: statementsOf(grants) };
  return {
    policy,
    assumeRole: { DurationSeconds: SESSION_SECONDS, Policy: JSON.stringify(policy) },
    notes: [...notes],
    unmapped,
  };
}
