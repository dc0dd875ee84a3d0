import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPath, isInside, resolvePath } from '../../src/analyzers/paths.js';

// resolvePath joins a plain name to a normal directory by hand (the common case, many times a command);
// every answer must be what posix.resolve gives, with `~` for the home directory.

const HOME = '/home/dev';
const byResolve = (target: string, cwd: string) => {
  const p = target === '~' ? HOME : target.startsWith('~/') ? posix.join(HOME, target.slice(2)) : target;
  const resolved = posix.resolve(cwd, p);
  return resolved.length > 1 && resolved.endsWith('/') ? resolved.slice(0, -1) : resolved;
};

const TARGETS = [
  'a',
  './a',
  'a b',
  '.a',
  '..a',
  'a.',
  '-rf',
  '*.log',
  '~',
  '~x',
  '~/a',
  '.',
  '..',
  './',
  './.',
  './..',
  '',
  'a/',
  'a/b',
  'a//b',
  './a/../b',
  '/etc',
  '//etc',
  './/a',
  'é😀',
  'a\\b',
];
const DIRS = [
  '/',
  '/home/dev/project',
  '/home/dev/project/',
  '/a/./b',
  '/a/../b',
  '//a',
  '/a//b',
  '/.x/y',
  '/a/.b',
  '/..',
  '/.',
  '/a/b..',
  '/a/...',
];

describe('resolvePath', () => {
  it.each(DIRS)('in %s, resolves every target as posix.resolve does', (cwd) => {
    for (const target of TARGETS)
      expect([target, resolvePath(target, cwd, HOME)]).toEqual([target, byResolve(target, cwd)]);
  });
});

describe('isInside', () => {
  const byPrefix = (path: string, dir: string) =>
    path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
  const PATHS = ['', '/', '/a', '/a/', '/a/b', '/ab', '/a/b/c', 'a', 'a/b', '/tmp', '/tmpx', '/tmp/x'];

  it('says whether a path is a directory or inside it, for any pair', () => {
    for (const path of PATHS)
      for (const dir of PATHS)
        expect([path, dir, isInside(path, dir)]).toEqual([path, dir, byPrefix(path, dir)]);
  });
});

describe('classifyPath: a scratch directory before a data file name', () => {
  const opts = { cwd: '/home/dev/project', home: HOME, recursive: false };
  it.each([
    ['/tmp/draft.sql', 'low'],
    ['/var/tmp/export.dump', 'low'],
    ['/dev/shm/cache.db', 'low'],
    ['/home/dev/project/shop.sql', 'high'],
    ['/backups/billing-2026-11-30.sql', 'high'],
    ['/var/lib/app/state.db', 'high'],
  ])('%s is %s', (path, risk) => {
    expect(classifyPath(path, opts).risk).toBe(risk);
  });
});
