import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineGroups } from '../../src/cli/line-groups.js';
import { CLI } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// `check --batch` as a co-process: a program writes one line, reads its answer, then writes the next,
// with stdin still open. A batch that waited for the end of its input would never answer.

const home = tempTree({ 'README.md': 'x' });
const env = {
  PATH: process.env.PATH ?? '',
  HOME: home,
  XDG_CONFIG_HOME: `${home}/xdg`,
  XDG_STATE_HOME: `${home}/state`,
  NO_COLOR: '1',
};

describe('check --batch streams', () => {
  it('answers each line before the next is written', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--batch'], { cwd: home, env });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const rounds: [string, string][] = [
      ['ls -la', 'allow'],
      ['rm -rf /', 'ask'],
      ['git status', 'allow'],
    ];
    try {
      for (const [i, [command, outcome]] of rounds.entries()) {
        child.stdin.write(`${JSON.stringify({ command, cwd: home })}\n`);
        const answer = await answers.next();
        expect(answer.done).toBe(false);
        const json = JSON.parse(answer.value as string);
        expect(json.line).toBe(i + 1);
        expect(json.decision.outcome).toBe(outcome);
      }
      child.stdin.end();
      const code = await new Promise((done) => child.on('close', done));
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('sees a script changed between two lines (files are looked at again for each group of lines)', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--batch'], { cwd: home, env });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const ask = async () => {
      child.stdin.write(`${JSON.stringify({ command: 'bash deploy.sh', cwd: home })}\n`);
      return JSON.parse((await answers.next()).value as string).decision.outcome as string;
    };
    try {
      writeFileSync(join(home, 'deploy.sh'), 'echo ready\n');
      expect(await ask()).toBe('allow');
      writeFileSync(join(home, 'deploy.sh'), 'rm -rf /\n');
      expect(await ask()).not.toBe('allow');
      child.stdin.end();
      await new Promise((done) => child.on('close', done));
    } finally {
      child.kill();
    }
  }, 60_000);
});

describe('lineGroups', () => {
  const groups = async (chunks: string[], max = 256) => {
    const out: string[][] = [];
    for await (const g of lineGroups(Readable.from(chunks), max)) out.push(g);
    return out;
  };

  it('splits lines as readline does, across chunks, with \\r\\n and a last line without an end', async () => {
    expect(await groups(['a\r', '\nb\n\nc', 'd\re'])).toEqual([['a', 'b', ''], ['cd'], ['e']]);
    expect(await groups(['a\n'])).toEqual([['a']]);
    expect(await groups(['a\r'])).toEqual([['a']]);
  });

  it('hands over at most max lines at a time', async () => {
    expect(await groups(['1\n2\n3\n4\n5\n'], 2)).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });
});
