import { DEFAULT_ENVIRONMENT_PATTERNS } from '../../core/environment.js';
import type { EnvironmentHint } from '../../core/types.js';
import type { Url } from './url.js';
import { bodyJson, changes, member, serviceHost, type Body, type Known } from './known.js';

// Alerting services switched off through their APIs: a Datadog downtime over every production monitor, an
// Opsgenie integration or heartbeat disabled. Nothing is deleted, and every one was a POST reported as low,
// yet nobody hears of the outage that follows. A downtime of one monitor is routine maintenance.

const DATADOG = ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com'];
const DATADOG_VARIABLE = /\$\{?(DD|DATADOG)_/i;
const OPSGENIE = ['opsgenie.com'];
const OPSGENIE_VARIABLE = /\$\{?\w*(OPSGENIE|GENIE)/i;

const isProduction = (scope: string) => DEFAULT_ENVIRONMENT_PATTERNS.production.some((p) => p.test(scope));

/**
 * A downtime (v1: the body itself, v2: `data.attributes`): how many monitors it silences (one by its id,
 * some by tags, every one with no tag or `*`) and where (its scope: `env:production`, `*`).
 */
function downtime(body: Body): Known {
  const json = bodyJson(body);
  const attributes = member(member(json, 'data'), 'attributes') ?? json;
  if (!attributes || typeof attributes !== 'object')
    return changes(
      'medium',
      'monitoring',
      'schedules a downtime whose scope is not known before it runs',
      true,
    );
  const rawScope = member(attributes, 'scope');
  const scope = (Array.isArray(rawScope) ? rawScope : [rawScope])
    .filter((s) => typeof s === 'string')
    .join(',');
  const identifier = member(attributes, 'monitor_identifier') ?? attributes;
  const id = member(identifier, 'monitor_id');
  const tags = member(identifier, 'monitor_tags');
  const tagList = Array.isArray(tags) ? tags.map(String) : [];
  const every = id === undefined && (tagList.length === 0 || tagList.includes('*'));
  const wide = scope === '' || scope === '*' || isProduction(scope);
  const monitors =
    id !== undefined
      ? `the monitor ${String(id)}`
      : every
        ? 'every monitor'
        : `the monitors tagged ${tagList.join(', ')}`;
  const where = scope ? ` in ${scope}` : '';
  const risk = every ? (wide ? 'high' : 'medium') : id === undefined && wide ? 'medium' : 'low';
  const hints: EnvironmentHint[] =
    scope && scope !== '*' ? [{ source: 'downtime scope', value: scope, weak: true }] : [];
  return { ...changes(risk, 'monitoring', `silences ${monitors}${where} (a downtime)`, true), hints };
}

/** Datadog's API: downtimes and muted monitors. */
function datadog(method: string, parts: string[], body: Body): Known | undefined {
  const [api, version, kind, sub] = parts;
  if (api !== 'api' || !/^v\d$/.test(version ?? '')) return undefined;
  if (kind === 'downtime') {
    if (method === 'POST' && !sub) return downtime(body);
    // Cancelling a downtime turns its monitors' alerts back on.
    if (method === 'DELETE' || (method === 'POST' && sub === 'cancel'))
      return changes('low', 'monitoring', 'cancels a downtime: its monitors alert again', true);
  }
  if (kind === 'monitor' && sub === 'mute_all' && method === 'POST')
    return changes('high', 'monitoring', 'mutes every monitor', true);
  return undefined;
}

/** Opsgenie's API: integrations, heartbeats and policies disabled, maintenance windows. */
function opsgenie(method: string, parts: string[], body: Body): Known | undefined {
  if (method !== 'POST') return undefined;
  const [version, kind, id, action] = parts;
  if (!/^v\d$/.test(version ?? '')) return undefined;
  if (action === 'disable' && kind === 'integrations')
    return changes(
      'high',
      'monitoring',
      `disables the integration ${id ?? ''}: the alerts it brings in stop`,
      true,
    );
  if (action === 'disable' && kind === 'heartbeats')
    return changes(
      'high',
      'monitoring',
      `disables the heartbeat ${id ?? ''}: no alert when what it watches stops`,
      true,
    );
  if (action === 'disable' && kind === 'policies')
    return changes('medium', 'monitoring', `disables the alert policy ${id ?? ''}`, true);
  if (kind === 'maintenance' && !id) {
    const type = member(member(bodyJson(body), 'time'), 'type');
    return changes(
      type === 'indefinitely' ? 'high' : 'medium',
      'monitoring',
      `starts a maintenance window${type === 'indefinitely' ? ' with no end' : ''}: the integrations and policies it names stop`,
      true,
    );
  }
  return undefined;
}

/** Alerting services' APIs, recognised by their hosts. */
export function alerting(method: string, url: Url, parts: string[], body: Body): Known | undefined {
  if (serviceHost(url, DATADOG, DATADOG_VARIABLE)) return datadog(method, parts, body);
  if (serviceHost(url, OPSGENIE, OPSGENIE_VARIABLE)) return opsgenie(method, parts, body);
  return undefined;
}
