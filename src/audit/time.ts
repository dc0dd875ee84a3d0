import { InputError } from '../core/errors.js';

// Times on the command line: an ISO date or date-time ("2025-03-01", "2025-03-01T14:00Z"), epoch
// milliseconds, "now", or a duration back from now ("90m", "2h", "7d"). A bad one is an InputError.

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTime(text: string, now = Date.now(), flag = 'time'): number {
  const t = text.trim();
  if (t === 'now') return now;
  const ago = /^(\d+(?:\.\d+)?)([smhdw])(?: ago)?$/.exec(t);
  if (ago) return now - Number(ago[1]) * UNITS[ago[2]!]!;
  if (/^\d{12,}$/.test(t)) return Number(t);
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new InputError(
    `${flag} "${text}" is not a time: use an ISO date or date-time (2025-03-01, 2025-03-01T14:00Z), "now", or a duration back from now (90m, 2h, 7d)`,
  );
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
