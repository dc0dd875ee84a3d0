// Whether a chmod mode loosens or locks a file: lets the group or others write it, or takes the owner's
// read away (Interlock can then no longer read its own policies). `chmod 600` tightens: no opinion.

function numericWeakens(mode: string): boolean {
  const [user = 0, group = 0, other = 0] = mode.slice(-3).split('').map(Number);
  return (user & 4) === 0 || (group & 2) !== 0 || (other & 2) !== 0;
}

/** One clause of a symbolic mode (`go+w`, `u=rw`, `a-r`); `who` empty means all, less the umask. */
function clauseWeakens(clause: string): boolean {
  const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
  if (!m) return true; // a form we do not read (`u+g`, several operators): assume the worst
  const [, who = '', op, perms = ''] = m;
  const owner = who === '' || /[ua]/.test(who);
  const others = /[goa]/.test(who);
  const dropsRead = owner && ((op === '-' && perms.includes('r')) || (op === '=' && !perms.includes('r')));
  const addsWrite = others && op !== '-' && perms.includes('w');
  return dropsRead || addsWrite;
}

export function modeWeakens(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) return numericWeakens(mode.padStart(3, '0'));
  return mode.split(',').some(clauseWeakens);
}
