import { looksLikeToken, shownUser } from './mask.js';
import { weakHint, type CredentialFile, type Found } from './types.js';

// The line- and token-based credential files: ~/.pgpass (`host:port:database:user:password`) and ~/.netrc
// (`machine HOST login USER password …`). The host places each entry; the user says how powerful it is.

/** pgpass fields split on unescaped colons (`\:` is a colon inside a field). */
const pgpassFields = (line: string) =>
  line.split(/(?<!\\):/).map((field) => field.replace(/\\([:\\])/g, '$1'));

export function pgpassEntries(file: CredentialFile): Found[] {
  if (file.kind !== 'pgpass' || file.text === undefined) return [];
  return file.text.split(/\r?\n/).flatMap((line) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return [];
    const [host = '*', port = '*', database = '*', user = '*'] = pgpassFields(line);
    return [
      {
        kind: 'postgres-password',
        source: file.path,
        name: `${shownUser(user)}@${host}:${port}/${database}`,
        hints: [
          ...(host !== '*' ? [{ source: 'database host', value: host }] : []),
          ...(database !== '*' ? [weakHint('database', database)] : []),
        ],
        powerNames: [user],
        detail: 'password',
      },
    ];
  });
}

/** netrc: `machine`/`default` start an entry; `login` names its user; every other value is skipped. */
export function netrcEntries(file: CredentialFile): Found[] {
  if (file.kind !== 'netrc' || file.text === undefined) return [];
  const tokens = file.text.split(/\s+/).filter(Boolean);
  const entries: { host: string; login?: string; secret: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'machine') entries.push({ host: tokens[++i] ?? '?', secret: false });
    else if (token === 'default') entries.push({ host: 'default', secret: false });
    else if (token === 'macdef')
      break; // a macro runs to the end of the file here: nothing more to learn
    else {
      const entry = entries[entries.length - 1];
      const value = tokens[++i];
      if (!entry) continue;
      if (token === 'login') entry.login = value;
      if (token === 'password' || token === 'account') entry.secret = true;
    }
  }
  // A login may itself be the token (`login ghp_…`): then it is the secret, masked, and names no power.
  return entries.map((e) => {
    const token = e.login !== undefined && looksLikeToken(e.login);
    return {
      kind: 'netrc-login',
      source: file.path,
      name: `${e.login === undefined ? '?' : shownUser(e.login)}@${e.host}`,
      hints: e.host === 'default' ? [] : [{ source: 'host', value: e.host }],
      powerNames: e.login && !token ? [e.login] : [],
      detail: token ? 'token as login' : e.secret ? 'password' : 'login without a password',
    };
  });
}
