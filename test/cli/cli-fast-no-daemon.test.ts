import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, MAIN, runNode, tempHome } from '../hooks/support.js';

// What a one-shot command costs before it decides, when no daemon answers: main.js asks cli-fast.cjs first,
// which must find out that there is none without loading the socket client's modules.

const CLI_FAST = join(dirname(MAIN), 'cli-fast.cjs');

describe.skipIf(!existsSync(CLI_FAST))('cli-fast.cjs without a daemon', () => {
  it('answers undefined without loading node:net', async () => {
    const home = tempHome();
    // The modules loaded are read before anything is written: process.stdout on a pipe loads node:net.
    const script = `
      const { answerFromDaemon } = require(${JSON.stringify(CLI_FAST)});
      answerFromDaemon(['check', '--', 'ls']).then((answer) => {
        const net = process.moduleLoadList.includes('NativeModule net');
        process.stdout.write(JSON.stringify({ answer: answer ?? null, net }));
      });`;
    const run = await runNode(['-e', script], '', baseEnv(home), home);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ answer: null, net: false });
  });
});
