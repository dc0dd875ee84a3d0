import net from 'node:net';

// A counting TCP proxy between the replicas and PostgreSQL, for the benches: every round trip a client
// makes ends with a Query ('Q', the simple protocol) or a Sync ('S', the extended protocol) message, so
// counting those counts round trips whatever the machine's load. The bytes pass through unchanged.

const SSL_OR_GSS = new Set([80877103, 80877104]);

export interface RoundTripProxy {
  /** The database URL with the proxy's port in place of PostgreSQL's. */
  url: string;
  /** Round trips sent through the proxy so far. */
  count(): number;
  close(): Promise<void>;
}

export async function roundTripProxy(databaseUrl: string): Promise<RoundTripProxy> {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.pipe(client);
    let buffered = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (startup) {
          if (buffered.length < 8) break;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) break;
          startup = SSL_OR_GSS.has(buffered.readInt32BE(4));
          buffered = buffered.subarray(length);
          continue;
        }
        if (buffered.length < 5) break;
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) break;
        const type = String.fromCharCode(buffered[0]!);
        if (type === 'Q' || type === 'S') roundTrips++;
        buffered = buffered.subarray(1 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    url: proxied.toString(),
    count: () => roundTrips,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
