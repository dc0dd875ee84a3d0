import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// The user's own units (systemctl --user) are theirs to stop and start again on this machine or in staging.
// On a production host (rootless services run as user units there too) and for system units, stopping one
// keeps its risk; isolating a target is never routine.
const cases: [string, Outcome][] = [
  ['systemctl --user stop dev-proxy', 'allow'],
  ['systemctl --user disable --now syncthing', 'allow'],
  ['systemctl --user mask tracker-miner-fs-3', 'allow'],
  ["ssh staging-1 'systemctl --user stop app'", 'allow'],
  ['systemctl stop my-worker.service', 'ask'],
  ['sudo systemctl stop nginx', 'ask'],
  ['systemctl --user isolate rescue.target', 'ask'],
  ['systemctl --user -H deploy@prod-web-1 stop app', 'require-approval'],
  ["ssh prod-web-1 'systemctl --user stop app'", 'require-approval'],
];

describe('stopping user service units', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
