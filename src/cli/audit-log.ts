import type { EntryView } from '../audit/entry-view.js';
import { queryLog, type LogFilter } from '../audit/query.js';
import { isoSeconds, parseTime } from '../audit/time.js';
import { openForReading, quietOnClosedPipe, type StoreOptions } from './audit-store.js';
import { InputError } from '../core/errors.js';
import { reportError } from './errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

export interface LogCliOptions extends StoreOptions {
  since?: string;
  until?: string;
  agent?: string;
  env?: string;
  outcome?: string;
  type?: string[];
  limit?: string;
  json?: boolean;
}

const ENVIRONMENTS = ['production', 'non-production', 'unknown'];
const OUTCOMES = ['allow', 'ask', 'require-approval', 'deny', 'pending'];

function filterFrom(options: LogCliOptions, now = Date.now()): LogFilter {
  const filter: LogFilter = {};
  if (options.since) filter.since = parseTime(options.since, now, '--since');
  if (options.until) filter.until = parseTime(options.until, now, '--until');
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until)
    throw new InputError(`--since ${options.since} is after --until ${options.until}`);
  if (options.env && !ENVIRONMENTS.includes(options.env))
    throw new InputError(`--env ${options.env}: use one of ${ENVIRONMENTS.join(', ')}`);
  if (options.outcome && !OUTCOMES.includes(options.outcome))
    throw new InputError(`--outcome ${options.outcome}: use one of ${OUTCOMES.join(', ')}`);
  if (options.agent) filter.agent = options.agent;
  if (options.env) filter.environment = options.env;
  if (options.outcome) filter.outcome = options.outcome;
  if (options.type?.length) filter.types = options.type;
  return filter;
}

/** One SIEM record: flat fields first, the full data and the chain links after. */
function jsonRecord(v: EntryView): Record<string, unknown> {
  return {
    seq: v.seq,
    time: new Date(v.at).toISOString(),
    at: v.at,
    type: v.type,
    actor: v.actor,
    source: v.source,
    human: v.human,
    agent: v.agent,
    environment: v.environment,
    outcome: v.outcome,
    policyOutcome: v.policyOutcome,
    policies: v.policies,
    requestId: v.requestId,
    digest: v.digest,
    command: v.command,
    summary: v.summary,
    data: v.data,
    hash: v.hash,
    prevHash: v.prevHash,
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function who(v: EntryView): string {
  if (v.agent) return `${v.agent.name}${v.human ? `→${v.human}` : ''}`;
  return v.human ?? v.actor;
}

function renderTable(rows: EntryView[], width = process.stdout.columns || 160): string {
  const head = ['SEQ', 'TIME (UTC)', 'TYPE', 'WHO', 'ENV', 'OUTCOME', 'WHAT'];
  const cells = rows.map((v) => [
    String(v.seq),
    isoSeconds(v.at).replace('T', ' ').replace('Z', ''),
    v.type,
    clip(who(v), 28),
    v.environment ?? '',
    v.outcome ?? '',
    v.summary,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[widths.length - 1] = Math.max(20, Math.min(widths.at(-1)!, width - fixed));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === c.length - 1 ? clip(x, widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...cells.map(line)].join('\n')}\n`;
}

/** `interlock audit log`: a table for people, or JSONL (--json) for a SIEM. */
export async function runAuditLog(options: LogCliOptions): Promise<number> {
  quietOnClosedPipe();
  let filter: LogFilter;
  let limit: number | undefined;
  try {
    filter = filterFrom(options);
    if (options.limit !== undefined) {
      if (!/^\d+$/.test(options.limit))
        throw new InputError(`--limit ${options.limit} is not a number (0: no limit)`);
      limit = Number(options.limit) || undefined;
    } else if (!options.json) limit = 100;
  } catch (error) {
    return reportError('audit log', error);
  }
  let log;
  try {
    log = await openForReading(options);
  } catch (error) {
    return reportError('audit log', error);
  }
  try {
    if (options.json) {
      let out: string[] = [];
      let n = 0;
      for await (const v of queryLog(log.store, log.side, filter)) {
        out.push(`${JSON.stringify(jsonRecord(v))}\n`);
        if (out.length >= 500) {
          await write(out.join(''));
          out = [];
        }
        if (limit && ++n >= limit) break;
      }
      if (out.length) await write(out.join(''));
      return EXIT_CODES.ok;
    }
    // For people: the newest `limit` matches, oldest first.
    const kept: EntryView[] = [];
    let total = 0;
    for await (const v of queryLog(log.store, log.side, filter)) {
      total++;
      kept.push(v);
      if (limit && kept.length > limit) kept.shift();
    }
    process.stdout.write(`Audit log ${log.location}\n`);
    if (!kept.length) {
      process.stdout.write('No entries match.\n');
      return EXIT_CODES.ok;
    }
    process.stdout.write(renderTable(kept));
    if (kept.length < total)
      process.stdout.write(
        `(the newest ${kept.length} of ${total} matching entries; --limit 0 shows all, --json exports them)\n`,
      );
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('audit log', error);
  } finally {
    await log.close();
  }
}

/** Write respecting back-pressure (large exports piped into another program). */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else {
      process.stdout.once('drain', resolve);
      process.stdout.once('error', reject);
    }
  });
}
