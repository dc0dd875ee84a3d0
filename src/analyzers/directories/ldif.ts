// LDIF (RFC 2849), as ldapmodify and ldapadd read it: records separated by blank lines, each a `dn:` and
// either the attributes of a new entry or a `changetype:` with its changes (`add: member`, `member: bob`,
// `-`). Lines that begin with a space continue the previous one; `attr:: …` is base64.

export interface Modification {
  /** add, delete, replace or increment. */
  op: string;
  attribute: string;
  values: string[];
}

export interface LdifRecord {
  dn: string;
  /** add, delete, modify, modrdn or moddn; undefined when the record does not say (then the tool decides). */
  changetype: string | undefined;
  /** The attributes of an entry being added, names in lower case. */
  attributes: [string, string][];
  modifications: Modification[];
  /** modrdn/moddn: the new parent, when the entry is moved. */
  newSuperior?: string;
}

/** One `name: value` line (`name:: base64`, `name:< url`); undefined for a line that is not one. */
function attributeLine(line: string): [string, string] | undefined {
  const m = /^([A-Za-z0-9][\w.;-]*):(:|<)?\s*(.*)$/.exec(line);
  if (!m) return undefined;
  const [, name, kind, raw = ''] = m;
  const value = kind === ':' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return [name!.toLowerCase(), value.trim()];
}

/** The records of an LDIF text, each with its lines joined and decoded. */
export function parseLdif(text: string): LdifRecord[] {
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n /g, '');
  const records: LdifRecord[] = [];
  for (const block of unfolded.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => (l.trim() === '-' ? '-' : attributeLine(l)));
    const first = lines.findIndex((l) => l !== '-' && l?.[0] === 'dn');
    if (first < 0) continue;
    const record: LdifRecord = {
      dn: (lines[first] as [string, string])[1],
      changetype: undefined,
      attributes: [],
      modifications: [],
    };
    let current: Modification | undefined;
    for (const line of lines.slice(first + 1)) {
      if (line === '-') {
        current = undefined;
        continue;
      }
      if (!line) continue;
      const [name, value] = line;
      if (name === 'changetype' && record.changetype === undefined) {
        record.changetype = value.toLowerCase();
        continue;
      }
      if (record.changetype === 'modify') {
        if (!current && ['add', 'delete', 'replace', 'increment'].includes(name)) {
          current = { op: name, attribute: value.toLowerCase(), values: [] };
          record.modifications.push(current);
        } else if (current && name === current.attribute) current.values.push(value);
        continue;
      }
      if (name === 'newsuperior') record.newSuperior = value;
      record.attributes.push([name, value]);
    }
    records.push(record);
  }
  return records;
}

/** The first RDN of a DN: `cn=sysadmins,ou=groups,dc=acme` → [`cn`, `sysadmins`]. */
export function firstRdn(dn: string): [string, string] {
  const first = dn.split(/(?<!\\),/)[0] ?? '';
  const eq = first.indexOf('=');
  return eq < 0 ? ['', first.trim()] : [first.slice(0, eq).trim().toLowerCase(), first.slice(eq + 1).trim()];
}
