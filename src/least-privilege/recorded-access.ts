import type { Access } from '../core/types.js';

// An effect's permission as the audit log recorded it (`access` in a decision entry's effects), read back
// defensively: a field of the wrong shape is ignored, never trusted.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const optional = <K extends string>(key: K, v: unknown): Partial<Record<K, string>> =>
  str(v) ? ({ [key]: str(v) } as Record<K, string>) : {};

/** The `access` of one recorded effect, or undefined when it has none (or not one we can read). */
export function recordedAccess(effect: unknown): Access | undefined {
  const a = obj(obj(effect)?.access);
  if (!a) return undefined;
  if (a.kind === 'aws' && str(a.service) && str(a.operation))
    return {
      kind: 'aws',
      service: str(a.service)!,
      operation: str(a.operation)!,
      ...optional('resourceType', a.resourceType),
      ...optional('resource', a.resource),
      ...optional('resourceOption', a.resourceOption),
      ...optional('region', a.region),
    };
  if (a.kind === 'kubernetes' && str(a.verb) && str(a.resource))
    return {
      kind: 'kubernetes',
      verb: str(a.verb)!,
      resource: str(a.resource)!,
      ...optional('namespace', a.namespace),
      ...optional('name', a.name),
    };
  if (a.kind === 'sql' && str(a.object) && Array.isArray(a.privileges))
    return {
      kind: 'sql',
      object: str(a.object)!,
      privileges: a.privileges.filter((p): p is string => typeof p === 'string'),
      ...(a.ownerOnly === true ? { ownerOnly: true as const } : {}),
    };
  return undefined;
}
