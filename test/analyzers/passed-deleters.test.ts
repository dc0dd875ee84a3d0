import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A deleting function handed to another one instead of called (a callback) deleted unseen: the scanner
// looked for calls. Found among held-out set 6's misses (PHP's array_map("unlink", …)); the rest written here.

describe('deleting functions passed as values', () => {
  it.each([
    [`php -r 'array_map("unlink", glob("/var/www/html/uploads/*"));'`, 'medium'],
    [`python3 -c 'import os,glob; list(map(os.remove, glob.glob("/data/*")))'`, 'medium'],
    [`python3 -c 'import shutil,glob; [*map(shutil.rmtree, glob.glob("/srv/*"))]'`, 'high'],
    [
      `node -e 'const fs=require("fs"); fs.readdirSync("/data").map(f=>"/data/"+f).forEach(fs.unlinkSync)'`,
      'medium',
    ],
    [`lua -e 'for _,f in ipairs(arg) do pcall(os.remove, f) end'`, 'medium'],
  ])('%s deletes what it is given', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.some((e) => e.operation === 'delete' && e.risk === risk)).toBe(true);
  });

  it(`a shell function passed as a value runs commands nobody can read`, async () => {
    const r = await check(`php -r 'array_map("system", $argv);'`);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    `python3 -c 's=set([1]); list(map(s.remove, [1]))'`,
    `php -r 'echo implode(",", array_map("strtoupper", ["a"]));'`,
    `node -e '["a"].forEach(console.log)'`,
  ])('%s stays allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
