import { describe, expect, it } from 'vitest';
import { lastAnswer } from '../../src/core/last-answer.js';
import { sensitiveFile, userInterlockDir } from '../../src/analyzers/sensitive-files.js';

// lastAnswer remembers one answer: asked again with the same key it does not ask again, and a new key
// (also one asked before) gets its own answer, never the last one's.

describe('lastAnswer', () => {
  it('asks once for a key asked again and again, and again when the key changes', () => {
    const asked: string[] = [];
    const upper = lastAnswer((key) => (asked.push(key), key.toUpperCase()));
    expect([upper('a'), upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'A', 'B', 'A', 'A']);
    expect(asked).toEqual(['a', 'b', 'a']);
  });
});

describe('sensitive files with remembered directories', () => {
  const ctx = (home: string) => ({ cwd: `${home}/project`, home, userConfigDir: userInterlockDir({}, home) });

  it('finds each home its own startup scripts when homes alternate', () => {
    for (const home of ['/home/a', '/home/b', '/home/a', '/', '/home/b/']) {
      const base = home.endsWith('/') ? home : `${home}/`;
      expect(sensitiveFile(`${base}.bashrc`, ctx(home))?.category, home).toBe('startup-script');
      expect(sensitiveFile(`${base}.config/fish/config.fish`, ctx(home))?.category, home).toBe(
        'startup-script',
      );
      expect(sensitiveFile('/home/c/.bashrc', ctx(home)), home).toBeUndefined();
    }
  });

  it('places the Interlock directory under XDG_CONFIG_HOME, else ~/.config, as the environment says', () => {
    expect(userInterlockDir({}, '/home/a')).toBe('/home/a/.config/interlock');
    expect(userInterlockDir({ XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/interlock');
    expect(userInterlockDir({}, '/home/b')).toBe('/home/b/.config/interlock');
    expect(userInterlockDir({ XDG_CONFIG_HOME: '' }, '/home/a')).toBe('/home/a/.config/interlock');
  });
});
