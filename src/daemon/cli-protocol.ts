import { z } from 'zod';
import type { Runtime } from '../app/runtime.js';
import { MAX_SERVED_PLAN_BYTES, type DaemonAnswer } from './socket-protocol.js';

// A one-shot `interlock check`, `explain`, `plan check` or `policy list` answered by the running daemon (src/cli/cli-fast.ts): one JSON
// line in, one SocketReply back as for a hook call, its answer what the command prints and exits with. The
// call's words, directory and variables are input to judge; the daemon's runtime, audit log, approval
// server and (in system mode) state are its own.

export const CliCall = z
  .object({
    kind: z.literal('cli'),
    /** The words after `interlock`, as the caller's command line had them. */
    argv: z
      .array(z.string().max(1024 * 1024))
      .min(2)
      .max(4096),
    cwd: z.string().min(1).max(4096),
    env: z.record(z.string(), z.string()),
    /** The OS user the caller says it runs as: who an agent acts for, unverified. */
    user: z.string().min(1).max(200),
    /** Is the caller's stdout a terminal (colours, as paletteFor decides). */
    stdoutTTY: z.boolean(),
    /** `plan check`: the plan file's bytes as the caller read them, base64 (the daemon never opens the path). */
    plan: z
      .string()
      .max(Math.ceil(MAX_SERVED_PLAN_BYTES / 3) * 4)
      .optional(),
  })
  .strict();
export type CliCall = z.infer<typeof CliCall>;

/** What the daemon hands a call: the variables to decide with (its own server and state in them), and
 * its cached runtime for a directory. */
interface CliContext {
  env: Record<string, string>;
  system: boolean;
  runtime(cwd: string): Promise<Runtime>;
}

/** What the daemon's owner plugs in to answer a one-shot call (the command line: a layer above). */
export type CliHandler = (call: CliCall, context: CliContext) => Promise<DaemonAnswer>;
