import { riskRank } from '../../core/types.js';
import type { Url } from './url.js';
import { readGraphql, type Field } from './graphql.js';
import { bodyJson, changes, destroy, hostIn, member, READS, type Body, type Known } from './known.js';

// New Relic's NerdGraph (api.newrelic.com/graphql, or `newrelic nerdgraph query`): a query only reads; a
// mutation does what its name says, `alertsPolicyDelete` deletes an alert policy, `alertsMutingRuleCreate`
// silences alerts, `authorizationManagementGrantAccess` grants roles. Camel-case names hide the verb from a
// search for words, so each field's name is split into its words here.

const DELETES = new Set(['delete', 'remove', 'revoke', 'purge', 'destroy']);
/** Mutations of access rather than of monitoring. */
const IAM = /^(userManagement|authorizationManagement|apiAccess|organization|customerAdministration)/;

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');

/** An argument (or a variable's value) that switches something off: `enabled: false`, `status: DISABLED`. */
function switchesOff(field: Field, variables: unknown): boolean {
  const args = field.arguments;
  const inline = args.some(
    (t, i) =>
      (/^(enabled|active)$/.test(t.value) && args[i + 1]?.value === ':' && args[i + 2]?.value === 'false') ||
      (t.value === 'status' && args[i + 1]?.value === ':' && args[i + 2]?.value === 'DISABLED'),
  );
  const inVariables = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.some(inVariables)
      : !!value &&
        typeof value === 'object' &&
        Object.entries(value).some(
          ([k, v]) =>
            ((k === 'enabled' || k === 'active') && v === false) ||
            (k === 'status' && v === 'DISABLED') ||
            inVariables(v),
        );
  return inline || inVariables(variables);
}

function mutation(field: Field, variables: unknown): Known {
  const name = field.name;
  const w = words(name);
  const iam = IAM.test(name);
  const category = iam ? 'iam' : 'monitoring';
  if (w.some((x) => DELETES.has(x)))
    return destroy('high', category, `runs ${name}, which deletes what it names`);
  if (iam && w.includes('grant')) return changes('high', 'iam', `runs ${name}, which grants roles`);
  if (iam && (w.includes('add') || w.includes('create')))
    return changes('medium', w.includes('keys') ? 'credentials' : 'iam', `runs ${name}, which gives access`);
  if (w.includes('muting'))
    return changes('medium', 'monitoring', `runs ${name}, which silences alerts`, true);
  if (switchesOff(field, variables))
    return changes('high', category, `runs ${name}, which switches alerting or monitoring off`, true);
  return changes('low', category, `runs ${name}`);
}

/**
 * What a NerdGraph document does: READS for queries only, the worst of its mutations otherwise, undefined
 * when it does not read as GraphQL.
 */
export function nerdgraph(document: string, variables: unknown): Known | typeof READS | undefined {
  const operations = readGraphql(document);
  if (!operations) return undefined;
  const fields = operations.filter((o) => o.type === 'mutation').flatMap((o) => o.fields);
  if (!fields.length) return READS;
  return fields
    .map((f) => mutation(f, variables))
    .reduce((worst, k) => (riskRank(k.risk) > riskRank(worst.risk) ? k : worst));
}

/** A request to NerdGraph's endpoint whose JSON body is seen. */
export function newRelic(url: Url, parts: string[], body: Body): Known | typeof READS | undefined {
  if (!hostIn(url.host, ['api.newrelic.com', 'api.eu.newrelic.com']) || parts.join('/') !== 'graphql')
    return undefined;
  const json = bodyJson(body);
  const query = member(json, 'query');
  return typeof query === 'string' ? nerdgraph(query, member(json, 'variables')) : undefined;
}
