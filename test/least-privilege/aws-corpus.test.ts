import { describe, expect, it } from 'vitest';
import { sessionPolicy } from '../../src/least-privilege/aws-session-policy.js';
import type { PlacedEffect } from '../../src/core/types.js';
import { cloudCorpus } from '../corpus/cloud.js';
import { evasiveCorpus } from '../corpus/evasive.js';
import { exfiltrationCorpus } from '../corpus/exfiltration.js';
import { iacCorpus } from '../corpus/iac.js';
import { check } from '../support/runtime.js';

// Every aws effect of the labelled corpora, through the session-policy generator: how many name their IAM
// actions, and which do not yet (printed, so the gap is visible in the test output).

const corpora = [...cloudCorpus, ...evasiveCorpus, ...exfiltrationCorpus, ...iacCorpus];
const awsCommands = corpora.filter((c) => /\baws\b/.test(c.command));

/** Mapped effects must stay at least this share of all aws effects (raise it as mappings are added). */
const MIN_MAPPED_SHARE = 0.9;

describe('AWS session policies over the labelled corpora', () => {
  it('maps the aws effects to IAM actions, and names the ones it cannot', async () => {
    const effects: { command: string; effect: PlacedEffect }[] = [];
    for (const c of awsCommands) {
      const r = await check(c.command, {
        ...(c.cwd ? { cwd: c.cwd } : {}),
        ...(c.env ? { env: c.env } : {}),
      });
      for (const effect of r.assessment.effects)
        if (effect.tool === 'aws') effects.push({ command: c.command, effect });
    }
    let mapped = 0;
    const gaps: string[] = [];
    const wide: string[] = [];
    for (const { command, effect } of effects) {
      const p = sessionPolicy([effect]);
      if (p.unmapped.length) gaps.push(`${command}: ${p.unmapped[0]!.why}`);
      else {
        mapped++;
        expect(p.policy.Statement.length).toBeGreaterThan(0);
        for (const s of p.policy.Statement)
          expect(s.Action.every((a) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))).toBe(true);
        if (p.policy.Statement.some((s) => s.Resource.includes('*')))
          wide.push(`${command}: ${p.notes.join('; ')}`);
      }
    }
    console.log(
      `aws effects: ${effects.length}; mapped to IAM actions: ${mapped}; on named ARNs: ${mapped - wide.length}\n` +
        `not mapped yet:\n  ${gaps.join('\n  ') || '(none)'}\non Resource "*":\n  ${wide.join('\n  ') || '(none)'}`,
    );
    expect(effects.length).toBeGreaterThan(50);
    expect(mapped / effects.length).toBeGreaterThanOrEqual(MIN_MAPPED_SHARE);
  });
});
