// What must never leave the machine in clear: variables whose names say they hold a secret, and the
// password part of a URL (`postgres://app:pw@db.prod/x` keeps its host, which says where, and loses `pw`).

/** Words that make a variable's name a secret's, anywhere in it (compared in upper case). */
const SECRET_WORDS = [
  'SECRET',
  'TOKEN',
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'CREDENTIAL',
  'PRIVATE',
  'APIKEY',
  'API_KEY',
  'ACCESSKEY',
  'ACCESS_KEY',
  'AUTH',
  'COOKIE',
  'SESSIONKEY',
  'SESSION_KEY',
];

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

/**
 * Whether a variable's name says its value is a secret: one of the words above, or a personal access
 * token (`PAT`, `…_PAT`). Substring tests, not a case-insensitive regex: the hook asks this of every
 * variable on every call, in a fresh process, where compiling that regex alone cost ~0.5 ms.
 */
export function secretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === 'PAT' || upper.endsWith('_PAT')) return true;
  for (const word of SECRET_WORDS) if (upper.includes(word)) return true;
  return false;
}

/** The value with every URL password replaced by `***`. */
export function withoutUrlPasswords(value: string): string {
  // Most values hold no URL: the hook sends every variable, on every call.
  return value.includes('@') && value.includes('://') ? value.replace(URL_PASSWORD, '$1:***@') : value;
}
