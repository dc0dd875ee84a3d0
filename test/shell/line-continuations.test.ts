import { beforeAll, describe, expect, it } from 'vitest';
import { joinedContinuations } from '../../src/shell/line-continuations.js';
import { loadBashParser, type LoadedShellParser } from '../../src/shell/tree-sitter.js';
import { check } from '../support/runtime.js';

let parser: LoadedShellParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

// Bash removes a backslash-newline before it splits words; tree-sitter-bash read `r\<newline>m` as two
// words. A command split that way is judged as bash runs it, and nothing it splits hides a command.

describe('backslash-newlines inside words', () => {
  it.each([
    ['r\\\nm -rf ~', '/home/dev'],
    ['rm -r\\\nf ~', '/home/dev'],
    ['echo hi # x \\\nrm -rf ~', '/home/dev'],
    // Quotes a character counter misread: the pair after them was taken to be inside single quotes.
    ["echo $'\\''; r\\\nm -rf ~", '/home/dev'],
    ["cat <<EOF\ndon't\nEOF\nr\\\nm -rf ~", '/home/dev'],
    ['echo "$(echo \'a"b\')"; r\\\nm -rf ~', '/home/dev'],
    ["echo ' #'; r\\\nm -rf ~", '/home/dev'],
  ])('%j deletes %s', async (command, target) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target, risk: 'critical' }),
    );
  });

  it('reads a split subcommand as the subcommand it spells', async () => {
    const result = await check('kubectl del\\\nete ns prod');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: 'namespace/prod' }),
    );
  });

  it.each(['git sta\\\ntus', 'ls \\\n  -la', "echo 'a\\\nb'", "sed -i '/x/a\\\nnew line' f.txt"])(
    '%j is allowed',
    async (command) => {
      expect((await check(command)).decision.outcome).toBe('allow');
    },
  );

  it('joins only where bash does: not in single quotes, not in a comment', () => {
    expect(joinedContinuations('r\\\nm x', parser)).toBe('rm x');
    expect(joinedContinuations("echo 'a\\\nb'", parser)).toBeUndefined();
    expect(joinedContinuations("cat <<'EOF'\na\\\nb\nEOF", parser)).toBeUndefined();
    expect(joinedContinuations('ls \\\n -la', parser)).toBeUndefined();
    expect(joinedContinuations('a\\\nb # c \\\nd', parser)).toBe('ab # c \\\nd');
  });
});
