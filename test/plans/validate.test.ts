import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { isResourceChange, ResourceChangeSchema, validResourceChange } from '../../src/plans/terraform.js';
import { fixture } from './helpers.js';

// Values a field of a resource change may hold in a malformed or future plan.
const VALUES: unknown[] = [undefined, null, '', 'x', 0, 1.5, true, [], ['a'], [1], {}, { a: 1 }];

function* mutations(base: Record<string, unknown>): Generator<unknown> {
  yield base;
  for (const key of Object.keys(base)) {
    for (const value of VALUES) yield { ...base, [key]: value };
  }
  const change = base.change as Record<string, unknown>;
  for (const key of ['actions', 'before', 'after', 'replace_paths', 'importing']) {
    for (const value of [...VALUES, [['a', 1]], [['a'], [true]], [[]], ['create', 7], [[{}]]]) {
      yield { ...base, change: { ...change, [key]: value } };
    }
  }
  for (const value of VALUES) yield value;
}

describe('the fast resource-change check agrees with the zod schema', () => {
  const doc = fixture('terraform-aws-production.json') as { resource_changes: Record<string, unknown>[] };
  const bases = doc.resource_changes.slice(0, 4);

  it('on every fixture change and many mutations of them', () => {
    let checked = 0;
    for (const base of bases) {
      for (const item of mutations(base)) {
        expect(isResourceChange(item), JSON.stringify(item)?.slice(0, 200)).toBe(
          ResourceChangeSchema.safeParse(item).success,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('a valid change is used as is (no copy); an invalid one is explained by zod', () => {
    const item = bases[0];
    expect(validResourceChange(item, 'plan.json', 'resource_changes[0]')).toBe(item);
    expect(() =>
      validResourceChange(
        { address: 'a.b', change: { actions: 'create' } },
        'plan.json',
        'resource_changes[3]',
      ),
    ).toThrow(
      new InputError(
        'plan.json: resource_changes[3].change.actions: Invalid input: expected array, received string',
      ),
    );
  });
});
