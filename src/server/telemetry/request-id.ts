import { randomBytes } from 'node:crypto';

// A caller (a proxy, a load balancer, the CLI) may name its request so its logs and ours line up. Only a
// short, plain id is taken (letters, digits, `.`, `:`, `-`: UUIDs and trace ids pass, an Interlock token
// with its `_` does not); anything else could forge log lines or carry a secret, so it is replaced.
const INCOMING = /^[A-Za-z0-9.:-]{8,128}$/;

// Our own ids only correlate log lines: they grant nothing and guard nothing. A random prefix per process
// (so two replicas' ids never collide) and a counter cost no crypto call per request.
const PREFIX = `rid-${randomBytes(8).toString('hex')}-`;
let counter = 0;

/** The incoming X-Request-Id when it is sane, else a fresh one. */
export function requestIdFor(incoming: string | undefined): string {
  if (incoming !== undefined && INCOMING.test(incoming)) return incoming;
  counter += 1;
  return `${PREFIX}${counter.toString(36)}`;
}
