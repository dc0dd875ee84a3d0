// Where a replica's tail latency can come from besides the database: its event loop stalling and its GC
// pausing. Each replica already measures both for /metrics (prom-client's default metrics: the event-loop
// delay through perf_hooks' monitorEventLoopDelay, reset at every scrape, and a histogram of GC pauses);
// the bench scrapes every replica before and after a load and reports what happened in between.

export interface Pauses {
  /** The event loop's delay over the load, worst replica: 99th percentile and maximum (ms). */
  loopP99Ms: number;
  loopMaxMs: number;
  /** GC pauses over the load, all replicas: how many, their total (ms), and how many took over 10 ms. */
  gcCount: number;
  gcMs: number;
  gcOver10Ms: number;
}

interface Scrape {
  loopP99Ms: number;
  loopMaxMs: number;
  gcCount: number;
  gcMs: number;
  gcUpTo10Ms: number;
}

/** The sum of every sample of `name` (all label sets) in Prometheus exposition text. */
function sum(text: string, name: string, labels = ''): number {
  let total = 0;
  for (const line of text.split('\n'))
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      if (line.includes(labels)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

async function scrape(url: string, token: string): Promise<Scrape> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}/metrics: ${res.status}`);
  const text = await res.text();
  const p = 'interlock_nodejs_';
  return {
    loopP99Ms: sum(text, `${p}eventloop_lag_p99_seconds`) * 1000,
    loopMaxMs: sum(text, `${p}eventloop_lag_max_seconds`) * 1000,
    gcCount: sum(text, `${p}gc_duration_seconds_count`),
    gcMs: sum(text, `${p}gc_duration_seconds_sum`) * 1000,
    gcUpTo10Ms: sum(text, `${p}gc_duration_seconds_bucket`, 'le="0.01"'),
  };
}

/** Scrape every replica now (which starts their event-loop delay afresh); `stop()` scrapes again. */
export async function watchPauses(urls: string[], token: string): Promise<{ stop: () => Promise<Pauses> }> {
  const before = await Promise.all(urls.map((u) => scrape(u, token)));
  return {
    async stop() {
      const after = await Promise.all(urls.map((u) => scrape(u, token)));
      const delta = (f: (s: Scrape) => number) => after.reduce((a, s, i) => a + f(s) - f(before[i]!), 0);
      const gcCount = delta((s) => s.gcCount);
      return {
        loopP99Ms: Math.max(...after.map((s) => s.loopP99Ms)),
        loopMaxMs: Math.max(...after.map((s) => s.loopMaxMs)),
        gcCount,
        gcMs: delta((s) => s.gcMs),
        gcOver10Ms: gcCount - delta((s) => s.gcUpTo10Ms),
      };
    },
  };
}
