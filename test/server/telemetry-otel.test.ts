import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToken } from '../../src/server/tokens.js';
import { body, wire } from '../approvals/fixtures.js';
import { SQLITE } from '../store/stores.js';
import { tempTree } from '../support/tmp.js';
import { spawnServer } from './harness.js';

// Traces through `interlock serve` as an operator runs it: off by default (OpenTelemetry never loaded),
// and on with an OTLP endpoint, sending spans to a real HTTP collector on this machine.

const WATCH = fileURLToPath(new URL('./otel-watch.mjs', import.meta.url));

interface OtlpJson {
  resourceSpans?: { scopeSpans?: { spans?: { name: string }[] }[] }[];
}

/** An OTLP/HTTP collector: the names of the spans posted to /v1/traces (JSON bodies). */
async function collector(): Promise<{ server: Server; url: string; spans: string[] }> {
  const spans: string[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const sent = JSON.parse(text) as OtlpJson;
        for (const r of sent.resourceSpans ?? [])
          for (const s of r.scopeSpans ?? []) spans.push(...(s.spans ?? []).map((x) => x.name));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

describe('server traces', () => {
  let database: string;
  let token: string;
  let cleanup: () => Promise<void>;
  let loads: string;

  beforeEach(async () => {
    const created = await SQLITE.create();
    ({ database, cleanup } = created);
    ({ token } = await createToken(created.store, {
      kind: 'agent',
      name: 'claude',
      actsFor: 'alice',
      createdBy: 'test',
    }));
    await created.store.close();
    loads = join(tempTree({}), 'otel-loads.txt');
  });
  afterEach(async () => cleanup());

  const decideOn = async (url: string) => {
    const res = await fetch(`${url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(wire(body())),
    });
    expect(res.status).toBe(200);
  };
  const watched = { NODE_OPTIONS: `--import ${WATCH}` };

  it('are off by default: the server never loads OpenTelemetry', async () => {
    const server = await spawnServer(database, { env: { ...watched, INTERLOCK_TEST_OTEL_LOADS: loads } });
    try {
      await decideOn(server.url);
    } finally {
      await server.stop();
    }
    expect(existsSync(loads) ? readFileSync(loads, 'utf8') : '').toBe('');
  }, 120_000);

  it('with an OTLP endpoint, send the decision, assessment, policy and store spans', async () => {
    const otlp = await collector();
    try {
      const server = await spawnServer(database, {
        env: { ...watched, INTERLOCK_TEST_OTEL_LOADS: loads, OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url },
      });
      try {
        await decideOn(server.url);
      } finally {
        await server.stop(); // shutting down sends what is buffered
      }
      expect(readFileSync(loads, 'utf8')).toContain('@opentelemetry/sdk-trace-base');
      expect(new Set(otlp.spans)).toEqual(
        new Set([
          'interlock.decision',
          'interlock.assess',
          'interlock.policy.evaluate',
          'interlock.store.decide',
        ]),
      );
    } finally {
      otlp.server.close();
    }
  }, 120_000);
});
