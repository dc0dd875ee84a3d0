// Identifiers that are not secret by themselves (an AWS access key id) are still shown masked: enough to
// tell two keys apart, not enough to search for one.

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`; anything short becomes `…`. */
export function maskId(id: string): string {
  const trimmed = id.trim();
  return trimmed.length >= 16 ? `${trimmed.slice(0, 4)}…${trimmed.slice(-4)}` : '…';
}
