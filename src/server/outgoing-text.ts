import { secretName, withoutUrlPasswords } from '../core/secret-values.js';

// What the server sends off the machine (webhooks, Slack messages) is read in a chat channel. The command
// an agent proposes may carry a secret in clear (`PGPASSWORD=hunter2 psql …`, `--token=…`, a URL's
// password): those values become `***`; everything that says what will happen, and where, stays.

/** `NAME=value` where NAME says secret (an assignment, `export`, `env`), its value up to a space or quote. */
const SECRET_ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|'"]+)/g;
/** `--password=value`, `--token value`, `--api-key=value`…: an option whose name says secret. */
const SECRET_OPTION =
  /(--?[A-Za-z0-9-]*(?:password|passwd|secret|token|api-?key|access-?key|private-?key|credential)[A-Za-z0-9-]*)(=|\s+)("[^"]*"|'[^']*'|[^\s;&|]+)/gi;

/** Secret assignments, also inside another's value (`--set=api_token=…`, `env=PGPASSWORD=…`). */
function withoutSecretAssignments(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, (_all, name: string, value: string) =>
    secretName(name) ? `${name}=***` : `${name}=${withoutSecretAssignments(value)}`,
  );
}

export function withoutSecrets(text: string): string {
  return withoutSecretAssignments(withoutUrlPasswords(text)).replace(
    SECRET_OPTION,
    (_all, option: string, sep: string) => `${option}${sep}***`,
  );
}
