import fc from 'fast-check';
import { preflight } from '../../adapters/hooks/preflight.js';
import { ADAPTERS } from '../../adapters/hooks/index.js';
import { quoteArgv } from '../../shell/quote-argv.js';
import { AGENTS, type AgentId } from '../../adapters/hooks/types.js';
import { hostileJsonText } from './hostile-json.js';
import { problemOfError, sameJson, timed } from './verdicts.js';

// The hook envelopes under fuzzing: what each agent's hook reads on stdin, well-formed or not. Whatever
// arrives, the hook answers in its agent's protocol; input it cannot read blocks the call; a shell
// command is handed on exactly as sent; never an allow before any policy was asked.

const TOOLS = [
  'Bash', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit', 'Read', 'mcp__db__query', 'run_shell_command',
  'write_file', 'replace', 'shell', 'apply_patch', 'local_shell', 'unknown_tool', '', 'bash',
]; // prettier-ignore
const EVENTS = [
  'PreToolUse',
  'BeforeTool',
  'beforeShellExecution',
  'beforeMCPExecution',
  'preToolUse',
  'PostToolUse',
  '',
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'rm -rf /',
    'kubectl --context production delete ns x',
    '.env',
    '/etc/passwd',
    null,
    0,
    true,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Payloads shaped like the agents' (fields each agent reads, with values of any type) and beyond. */
const payload: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        hook_event_name: fc.oneof(fc.constantFrom(...EVENTS), value),
        tool_name: fc.oneof(fc.constantFrom(...TOOLS), value),
        tool_input: fc.oneof(
          fc.record(
            { command: value, file_path: value, content: value, edits: value, path: value, args: value },
            { requiredKeys: [] },
          ),
          value,
        ),
        command: value,
        cwd: value,
        session_id: value,
        conversation_id: value,
        workspace_roots: value,
      },
      { requiredKeys: [] },
    ),
  },
  fc.jsonValue({ maxDepth: 3 }),
);

/** Raw stdin: a payload's JSON, perhaps damaged, or anything at all. */
export const hookStdin: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: payload.map((p) => JSON.stringify(p) ?? '') },
  fc.tuple(payload, fc.nat()).map(([p, n]) => {
    const text = JSON.stringify(p) ?? '';
    return text.slice(0, n % (text.length + 1));
  }),
  { weight: 3, arbitrary: hostileJsonText(payload) },
  fc.string({ unit: 'binary', maxLength: 100 }),
);

export const agentId: fc.Arbitrary<AgentId> = fc.constantFrom(...AGENTS);

/**
 * Every string value in the envelope as parsed, and every array of strings as the shell line it stands for
 * (Codex may send its command as an argument vector). The command handed on must be one of them: comparing
 * with the raw text instead failed on a JSON escape (`\u202e` in the text, the character once parsed).
 */
function stringsIn(raw: string): Set<string> {
  const found = new Set<string>();
  const pending: unknown[] = [JSON.parse(raw) as unknown];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') found.add(value);
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value) && value.every((word) => typeof word === 'string')) found.add(quoteArgv(value));
    for (const inner of Object.values(value)) pending.push(inner);
  }
  return found;
}

/** Preflight one stdin for one agent: an answer in the agent's protocol, or a request to decide. */
export async function hookProblem(
  agent: AgentId,
  raw: string,
  deadlineMs: number,
): Promise<string | undefined> {
  const ctx = { env: {}, cwd: '/home/dev/project' };
  let first;
  try {
    first = await timed(() => preflight(ADAPTERS[agent], raw, ctx), deadlineMs);
  } catch (error) {
    return problemOfError(error);
  }
  const second = preflight(ADAPTERS[agent], raw, ctx);
  if (!sameJson(first, second)) return 'not a function of its input';
  if ('request' in first) {
    const { call } = first.request;
    if (call.kind === 'shell' && !stringsIn(raw).has(call.command))
      return `the shell command handed on is not the one sent: ${JSON.stringify(call.command)}`;
    return undefined;
  }
  const { response } = first;
  if (response.verdict.outcome === 'allow') return 'allowed before any policy was asked';
  if (response.stdout !== '') {
    try {
      JSON.parse(response.stdout);
    } catch {
      return `the answer is not JSON: ${response.stdout.slice(0, 200)}`;
    }
  }
  if (!Number.isInteger(response.exitCode)) return `exit code ${response.exitCode}`;
  return undefined;
}
