// What must never leave the machine in clear: variables whose names say they hold a secret, and the
// password part of a URL (`postgres://app:pw@db.prod/x` keeps its host, which says where, and loses `pw`).

const SECRET_NAME =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION_?KEY|_PAT$|^PAT$)/i;

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;

/** Whether a variable's name says its value is a secret. */
export function secretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The value with every URL password replaced by `***`. */
export function withoutUrlPasswords(value: string): string {
  // Most values hold no `@`, and then no URL password: the hook sends every variable, on every call.
  return value.includes('@') ? value.replace(URL_PASSWORD, '$1:***@') : value;
}
