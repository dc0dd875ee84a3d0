// Identifiers that are not secret by themselves (an AWS access key id) are still shown masked: enough to
// tell two keys apart, not enough to search for one. A "user name" that is really a token (GitHub's
// `https://ghp_…@github.com`, a netrc `login ghp_…`) is masked the same way.

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`; anything short becomes `…`. */
export function maskId(id: string): string {
  const trimmed = id.trim();
  return trimmed.length >= 16 ? `${trimmed.slice(0, 4)}…${trimmed.slice(-4)}` : '…';
}

// Known token prefixes (GitHub, GitLab, Slack, Vault, OpenAI-style keys), or a long run of letters and
// digits with no separator a person's or service's name would have.
const TOKEN_PREFIX =
  /^(gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hv[sb]\.|s\.[A-Za-z0-9]{20}|sk-|AKIA|ASIA)/;
const TOKEN_LIKE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_\-+/=]{24,}$/;

export function looksLikeToken(value: string): boolean {
  return TOKEN_PREFIX.test(value) || TOKEN_LIKE.test(value);
}

/** A user name as it may be shown: itself, or masked when it looks like a token. */
export function shownUser(user: string): string {
  return looksLikeToken(user) ? maskId(user) : user;
}
