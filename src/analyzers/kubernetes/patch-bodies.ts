import { parse } from 'yaml';

// What a `kubectl patch -p BODY` sets, read from the body: a strategic or merge patch (JSON or YAML, as
// kubectl takes them) or a JSON patch (a list of operations). A body that does not parse says nothing.

type Body = { kind: 'merge'; value: unknown } | { kind: 'ops'; ops: Record<string, unknown>[] } | undefined;

function parseBody(text: string): Body {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(value))
    return {
      kind: 'ops',
      ops: value.filter((op): op is Record<string, unknown> => typeof op === 'object' && op !== null),
    };
  return value !== null && typeof value === 'object' ? { kind: 'merge', value } : undefined;
}

/** The value a patch sets at a path of the object (`spec.replicas`), if it sets one. */
export function patchedValue(text: string, ...path: string[]): unknown {
  const body = parseBody(text);
  if (body?.kind === 'ops') {
    const pointer = `/${path.join('/')}`;
    const op = body.ops.find((o) => o.path === pointer && (o.op === 'replace' || o.op === 'add'));
    return op?.value;
  }
  let at: unknown = body?.value;
  for (const key of path)
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}
