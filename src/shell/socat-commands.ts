import type { Inner } from './wrappers.js';
import type { Word } from './words.js';

// socat's EXEC: and SYSTEM: addresses run a program on this machine: `socat - EXEC:'rm -rf /srv'` runs rm
// at once, `socat TCP-LISTEN:9000,fork SYSTEM:'…'` for every connection. Whatever the other address is,
// the command runs here and is judged as what it is (SYSTEM: through `sh -c`; EXEC: splits on spaces,
// which reads the same as a shell line for the words people write). The network side is judged apart
// (exfiltration/remote-control.ts: who gets control of it).

const PROGRAM_ADDRESS = /^(exec|system):/i;

/** The address's command: the text before its first option comma, socat's quotes around it removed. */
function addressCommand(address: string): string {
  const body = address.replace(PROGRAM_ADDRESS, '');
  let quote: string | undefined;
  let depth = 0;
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth = Math.max(0, depth - 1);
    else if (c === '\\') i++;
    else if (c === ',' && depth === 0) {
      end = i;
      break;
    }
  }
  const command = body.slice(0, end).trim();
  const quoted = /^(['"])(.*)\1$/s.exec(command);
  return quoted ? quoted[2]! : command;
}

/** What the EXEC:/SYSTEM: addresses among socat's words run (none: an empty list). */
export function socatCommands(args: readonly Word[]): Inner[] {
  const inner: Inner[] = [];
  for (const w of args) {
    if (!PROGRAM_ADDRESS.test(w.value)) continue;
    if (w.dynamic) {
      inner.push({
        kind: 'unverifiable',
        reason: 'socat runs a command built at run time',
        target: w.value,
      });
      continue;
    }
    const text = addressCommand(w.value);
    if (text) inner.push({ kind: 'script', text, via: `socat ${w.value.split(':')[0]!.toUpperCase()}:` });
  }
  return inner;
}
