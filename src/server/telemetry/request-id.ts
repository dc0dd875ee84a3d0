import { randomBytes } from 'node:crypto';

// A caller (a proxy, a load balancer, the CLI) may name its request so its logs and ours line up. Only a
// short, plain id is taken (letters, digits, `.`, `:`, `-`: UUIDs and trace ids pass, an Interlock token
// with its `_` does not); anything else could forge log lines or carry a secret, so it is replaced.
const INCOMING = /^[A-Za-z0-9.:-]{8,128}$/;

/** The incoming X-Request-Id when it is sane, else a fresh one. */
export function requestIdFor(incoming: string | undefined): string {
  if (incoming !== undefined && INCOMING.test(incoming)) return incoming;
  return `rid-${randomBytes(12).toString('hex')}`;
}
