import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// `certbot revoke` cannot be taken back, and `certbot delete` breaks a server configured with the certificate
// at its next reload: the first was allowed, the second only guessed from its verb.

describe('certbot', () => {
  it.each<[string, Risk]>([
    ['certbot revoke --cert-path /etc/letsencrypt/live/billing/cert.pem', 'high'],
    ['certbot revoke --cert-name billing.example.com --reason keycompromise --non-interactive', 'high'],
    ['sudo certbot delete --cert-name billing.example.com', 'medium'],
    ['certbot unregister --non-interactive', 'medium'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'certbot certonly --nginx -d billing.example.com',
    'sudo certbot --nginx -d example.com -d www.example.com',
    'certbot renew --dry-run',
    'certbot renew',
    'certbot certificates',
    'certbot revoke --help',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
