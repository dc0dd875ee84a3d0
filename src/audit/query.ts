import type { AuditEntry, Store } from '../store/types.js';
import type { SideTables } from './side-tables.js';
import { viewEntry, type EntryView } from './entry-view.js';

// Reading the log: in pages, from a seq or from a time. Entries are appended in time order, so the first
// entry of a time is found by bisecting seqs (a few reads, whatever the size of the log); a margin covers
// the small disorder of concurrent replicas, and the filters then hold exactly.

const MARGIN_MS = 5 * 60 * 1000;

/** Every entry from `fromSeq` on, page by page (the next page is read while this one is used). */
export async function* entriesFrom(store: Store, fromSeq = 1, pageSize = 2000): AsyncGenerator<AuditEntry> {
  let page = await store.auditEntries(fromSeq, pageSize);
  while (page.length) {
    const upcoming =
      page.length === pageSize
        ? store.auditEntries(page[page.length - 1]!.seq + 1, pageSize)
        : Promise.resolve([]);
    upcoming.catch(() => undefined);
    yield* page;
    page = await upcoming;
  }
}

/** The first seq whose entry is at or after `at` (approximately: `MARGIN_MS` earlier). */
export async function seqNear(store: Store, side: SideTables, at: number): Promise<number> {
  const tip = await side.lastEntry();
  if (!tip) return 1;
  const target = at - MARGIN_MS;
  let lo = 1;
  let hi = tip.seq;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const [e] = await store.auditEntries(mid, 1);
    if (!e) {
      hi = mid;
      continue;
    }
    if (e.at < target) lo = e.seq + 1;
    else hi = mid;
  }
  return lo;
}

export interface LogFilter {
  since?: number;
  until?: number;
  /** Agent name (or the actor, for entries no agent made). */
  agent?: string;
  environment?: string;
  outcome?: string;
  types?: string[];
  fromSeq?: number;
}

function matches(v: EntryView, f: LogFilter): boolean {
  if (f.since !== undefined && v.at < f.since) return false;
  if (f.until !== undefined && v.at > f.until) return false;
  if (f.agent && v.agent?.name !== f.agent && v.actor !== f.agent) return false;
  if (f.environment && v.environment !== f.environment) return false;
  if (f.outcome && v.outcome !== f.outcome && v.policyOutcome !== f.outcome) return false;
  if (f.types?.length && !f.types.includes(v.type)) return false;
  return true;
}

/** Entries matching the filter, oldest first. */
export async function* queryLog(
  store: Store,
  side: SideTables,
  filter: LogFilter,
): AsyncGenerator<EntryView> {
  const start = Math.max(
    filter.fromSeq ?? 1,
    filter.since !== undefined ? await seqNear(store, side, filter.since) : 1,
  );
  for await (const e of entriesFrom(store, start)) {
    if (filter.until !== undefined && e.at > filter.until + MARGIN_MS) return;
    const v = viewEntry(e);
    if (matches(v, filter)) yield v;
  }
}
