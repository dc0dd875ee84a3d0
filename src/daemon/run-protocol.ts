import { z } from 'zod';

// `interlock run` through the system daemon's socket: the agent's process sends one JSON line (the command
// word by word, its directory and environment, as input to judge), the daemon decides with its own runtime
// and broker file and answers with newline-delimited JSON frames: the command's stdout and stderr as they
// come, then one `exit` frame carrying the daemon's secret. Nothing the agent sends chooses a file, a
// principal type or a policy: the daemon reads its own.

const MAX_WAIT_MS = 24 * 60 * 60_000;

export const RunCall = z
  .object({
    kind: z.literal('run'),
    argv: z.array(z.string()).min(1).max(4096),
    cwd: z.string().min(1),
    env: z.record(z.string(), z.string()),
    /** The agent's name (`--agent`): recorded, never a human's authority. */
    agent: z.string().min(1).max(200).optional(),
    /** The OS user the client says it runs as: recorded as who the agent acts for, unverified. */
    user: z.string().min(1).max(200).optional(),
    waitMs: z.number().int().min(0).max(MAX_WAIT_MS),
  })
  .strict();
export type RunCall = z.infer<typeof RunCall>;

export const RunFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdout'), data: z.string() }),
  z.object({ type: z.literal('stderr'), data: z.string() }),
  /** The last frame: what `interlock run` exits with, and the daemon's secret to prove who answered. */
  z.object({ type: z.literal('exit'), code: z.number().int().min(0).max(255), proof: z.string() }),
  /** The daemon could not take the call at all (a bad request, an internal error): nothing ran. */
  z.object({ type: z.literal('error'), message: z.string(), proof: z.string().optional() }),
]);
export type RunFrame = z.infer<typeof RunFrame>;

/** Where the daemon writes a call's output: the same shape as a command's io, so the broker needs no change. */
export interface FrameIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What the daemon's owner plugs in to answer a run call (the command line's broker: a layer above). */
export type RunHandler = (call: RunCall, io: FrameIo) => Promise<number>;
