// What a chmod mode does to each class of user, so a rule can ask "does anyone but the owner gain
// something?" or "does anyone lose execute?" instead of matching spellings (`go-w`, `0755`, `u=rwX,go=`).

type Who = 'u' | 'g' | 'o';
type Bit = 'r' | 'w' | 'x';

export interface ModeChange {
  /** Bits each class may gain (`X` counts as `x`: it adds execute to directories and programs). */
  adds: Record<Who, Set<Bit>>;
  /** Bits each class may lose. */
  removes: Record<Who, Set<Bit>>;
  setuid: boolean;
  setgid: boolean;
}

const CLASSES: readonly Who[] = ['u', 'g', 'o'];
const BITS: readonly Bit[] = ['r', 'w', 'x'];

const empty = (): ModeChange => ({
  adds: { u: new Set(), g: new Set(), o: new Set() },
  removes: { u: new Set(), g: new Set(), o: new Set() },
  setuid: false,
  setgid: false,
});

/** `644`, `0700`, `4755`: every class gets exactly its digit, so the bits left out are taken away. */
function numericMode(mode: string): ModeChange {
  const [special = 0, ...digits] = mode.padStart(4, '0').split('').map(Number);
  const change = empty();
  CLASSES.forEach((who, i) => {
    const digit = digits[i] ?? 0;
    BITS.forEach((bit, b) => (digit & (4 >> b) ? change.adds : change.removes)[who].add(bit));
  });
  change.setuid = (special & 4) !== 0;
  change.setgid = (special & 2) !== 0;
  return change;
}

/**
 * One clause (`go-w`, `u+rwX-s`, `a=r`). A clause without a class acts on everyone but for the bits the
 * umask masks: read as the usual 022, `+w` reaches the owner only. Copying another class's bits (`g=u`)
 * is not read: false.
 */
function applyClause(change: ModeChange, clause: string): boolean {
  const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
  if (!m) return false;
  const whoText = m[1] ?? '';
  const who = whoText === '' || whoText.includes('a') ? CLASSES : CLASSES.filter((c) => whoText.includes(c));
  for (const [, op, perms = ''] of (m[2] ?? '').matchAll(/([-+=])([rwxXst]*)/g)) {
    const chosen = BITS.filter((bit) => perms.includes(bit) || (bit === 'x' && perms.includes('X')));
    for (const c of who) {
      const masked = (bit: Bit) => whoText === '' && c !== 'u' && bit === 'w';
      const bits = chosen.filter((bit) => !masked(bit));
      if (op !== '-') for (const bit of bits) change.adds[c].add(bit);
      if (op === '-') for (const bit of bits) change.removes[c].add(bit);
      if (op === '=')
        for (const bit of BITS) if (!chosen.includes(bit) && !masked(bit)) change.removes[c].add(bit);
    }
    if (op !== '-' && perms.includes('s')) {
      if (who.includes('u')) change.setuid = true;
      if (who.includes('g')) change.setgid = true;
    }
  }
  return true;
}

/** What `mode` changes, or undefined for a mode this does not read (a copied class, a typo). */
export function readMode(mode: string): ModeChange | undefined {
  if (/^[0-7]{1,4}$/.test(mode)) return numericMode(mode);
  const change = empty();
  return mode.split(',').every((clause) => applyClause(change, clause)) ? change : undefined;
}

/** Whether the group or everyone else gains anything (read, write or execute). */
export const othersGain = (change: ModeChange, bit?: Bit): boolean =>
  (['g', 'o'] as const).some((c) => (bit ? change.adds[c].has(bit) : change.adds[c].size > 0));

/** Whether any class loses the right to run the file. */
export const anyoneLosesExecute = (change: ModeChange): boolean =>
  CLASSES.some((c) => change.removes[c].has('x'));
