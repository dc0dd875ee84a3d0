// Times as a reviewer reads them: how long is left, how long ago, and the exact instant for a tooltip.

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s}s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function timeLeft(expiresAt: number, now: number): string {
  return expiresAt <= now ? 'expired' : `${span(expiresAt - now)} left`;
}

export function ago(at: number, now: number): string {
  return `${span(now - at)} ago`;
}
