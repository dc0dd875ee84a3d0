import { describe, expect, it } from 'vitest';
import { withFields } from '../../src/core/with-fields.js';

// withFields stands in for `{ ...base, ...fields }` on hot paths: it must build the same object.

const same = (base: object, fields: object) => {
  const built = withFields(base, fields);
  const spread = { ...base, ...fields };
  expect(Object.keys(built)).toEqual(Object.keys(spread));
  expect(JSON.stringify(built)).toBe(JSON.stringify(spread));
  expect(Object.getPrototypeOf(built)).toBe(Object.getPrototypeOf(spread));
};

describe('withFields builds what a spread builds', () => {
  it.each([
    [
      { operation: 'delete', target: '/x', risk: 'high' },
      { hints: [], environment: 'production' },
    ],
    [{ operation: 'delete', hints: [{ source: 'a', value: 'b' }], risk: 'low' }, { hints: [] }],
    [{}, { a: 1 }],
    [{ a: 1 }, {}],
  ])('%j with %j', (base, fields) => same(base, fields));

  it('keeps an own "__proto__" key a key, not the prototype', () => {
    const base = JSON.parse('{"target":"x","__proto__":{"polluted":true}}') as object;
    same(base, { hints: [] });
    expect((withFields(base, { hints: [] }) as { polluted?: boolean }).polluted).toBeUndefined();
    same({ target: 'x' }, JSON.parse('{"__proto__":{"polluted":true}}') as object);
  });
});
