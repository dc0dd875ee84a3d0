import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A pipe stage that only passes text on feeds the next stage as its own here-document would
// (src/shell/passed-text.ts). Decoders count: `echo cm0gLXJmIC8K | base64 -d | sh` runs `rm -rf /`, and was
// only "unverifiable"; a harmless script behind one (`echo bHMgLWxh | base64 -d | sh`) was asked about.

const destroyingRoot = [
  'echo cm0gLXJmIC8K | base64 -d | sh',
  'echo cm0gLXJmIC8K | base64 --decode | bash',
  'echo cm0gLXJmIC8= | base64 -D | sh',
  "echo 'cm0gLXJm\n IC8K' | base64 -di | sh",
  "base64 -d <<< 'cm0gLXJmIC8K' | sh",
  "base64 -d <<'EOF' | bash\ncm0gLXJmIC8K\nEOF",
  'echo -n cm0gLXJmIC8K | /usr/bin/base64 -d | sh',
  'echo 726d202d7266202f | xxd -r -p | sh',
  'echo 726d202d7266202f | xxd -rp | bash',
  'echo "72 6d 20 2d 72 66 20 2f" | xxd -r -ps | sh',
  "echo '/ fr- mr' | rev | sh",
  "printf 'rm -rf %s\\n' / | sh",
  "printf '%s %s\\n' rm '-rf /' | bash",
  "printf 'rm -rf /' | sh",
  // Escapes: `\x2f` was read as a file named x2f.
  "echo -e 'rm -rf \\x2f' | sh",
  "echo -ne 'rm -rf \\057\\n' | sh",
  "printf 'rm -rf \\57' | bash",
  "printf 'rm -rf \\x2f\\n' | sh",
  // Two decoders in a row.
  'echo Y20wZ0xYSm1JQzhLCg== | base64 -d | base64 -d | sh',
  // `--` ends printf's options: the format is the word after it (was read as the text `--`).
  "printf -- 'rm -rf /\\n' | sh",
  '"$(printf -- rm)" -rf /',
];

describe('text passed on through a decoder', () => {
  it.each(destroyingRoot)('%s deletes /', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
    expect(r.assessment.effects.map((e) => [e.operation, e.target])).toContainEqual(['delete', '/']);
  });

  it.each([
    'echo bHMgLWxhCg== | base64 -d | sh',
    'echo 6c73202d6c61 | xxd -r -p | sh',
    'echo ZWNobyBoZWxsbwo= | base64 --decode | bash',
    "printf 'echo %s\\n' one two | sh",
    "echo -E 'echo \\x2f' | sh",
    "echo -e 'echo a\\cb; rm -rf /' | sh",
    "printf 'echo %s\\n' '\\x2f' | sh",
  ])('%s runs a harmless script and is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'echo RFJPUCBUQUJMRSB1c2VyczsK | base64 -d | psql -h prod-db',
    "printf 'DROP TABLE users;\\n' | psql -h prod-db",
  ])('%s feeds the decoded SQL to the client', async (command) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => e.target)).toContain('table users');
  });

  it.each([
    ['echo "$PAYLOAD" | base64 -d | sh', 'the text is not known'],
    ["echo 'not base64!' | base64 -d | sh", 'it is not base64'],
    ['echo AAEC | base64 -d | sh', 'it decodes to bytes that are not text'],
    ['echo 7a7 | xxd -r -p | sh', 'it is not whole hex bytes'],
    ['echo 726d | xxd -r | sh', 'xxd -r without -p reads a hex dump'],
    ["printf '%d\\n' 1 | sh", 'printf formats a number'],
    ['echo cm0gLXJmIC8K | base64 | sh', 'base64 without -d encodes'],
    ['echo cm0gLXJmIC8K | base64 -d > /tmp/x | sh', 'the decoder writes to a file'],
    ["printf -v x 'rm -rf /' | sh", 'printf -v writes a variable, not stdout'],
  ])('%s stays unverifiable: %s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });
});
