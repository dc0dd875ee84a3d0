import pg from 'pg';

// Where the database's connections spend a load: pg_stat_activity sampled every few milliseconds. Each
// sample counts every other client connection by what it is doing: running, waiting for a lock (the
// audit head), waiting for the disk (WAL fsync), or idle inside a transaction (waiting for the server's
// next statement while it holds the lock). The shares say which of them the latency comes from.

export type WaitShares = Record<string, number>;

function label(row: { state: string | null; wait_event_type: string | null; wait_event: string | null }) {
  // A transaction that holds the head lock, or (lock taken at the end) one still deciding without it.
  if (row.state === 'idle in transaction') return 'idle in transaction (replica busy)';
  if (row.wait_event_type === 'Lock') return `lock wait (${row.wait_event})`;
  if (row.wait_event_type === 'IO') return `disk (${row.wait_event})`;
  if (row.wait_event_type === 'LWLock') return `LWLock (${row.wait_event})`;
  if (row.wait_event_type === 'Client') return `client (${row.wait_event})`;
  return row.wait_event ? `${row.wait_event_type} (${row.wait_event})` : 'running';
}

/** Sample until `stop()`; the shares are of all non-idle connection samples. */
export async function sampleWaits(connectionString: string): Promise<{ stop: () => Promise<WaitShares> }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{
        state: string | null;
        wait_event_type: string | null;
        wait_event: string | null;
      }>(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()
           AND state <> 'idle'`,
      );
      for (const row of rows) counts.set(label(row), (counts.get(label(row)) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return Object.fromEntries(
        [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((1000 * v) / total) / 10]),
      );
    },
  };
}
