import { createConnection } from 'node:net';
import { sameSecret } from './socket-protocol.js';
import { RunFrame, type FrameIo, type RunCall } from './run-protocol.js';

// The agent's side of `interlock run` through the system daemon: send the call, copy the output frames to
// the caller's streams as they arrive, return the exit code of the final frame. Whatever goes wrong (no
// daemon, a broken frame, a connection cut before the exit, a wrong secret) is `{ failed }`: the caller
// runs nothing itself and says why.

export type RunOutcome = { code: number } | { failed: string };

export function runThroughDaemon(
  socketPath: string,
  token: string,
  call: RunCall,
  io: FrameIo,
): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let pending = '';
    const done = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(outcome);
    };
    const socket = createConnection(socketPath);
    socket.once('error', (e) =>
      done({ failed: `the system daemon cannot be reached at ${socketPath} (${e.message})` }),
    );
    socket.once('connect', () => socket.end(`${JSON.stringify(call)}\n`));
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while (!settled && (newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        handle(line);
      }
    });
    socket.once('close', () =>
      done({ failed: 'the system daemon closed the connection before the command finished' }),
    );
    const handle = (line: string) => {
      let frame: RunFrame;
      try {
        frame = RunFrame.parse(JSON.parse(line));
      } catch {
        return done({ failed: 'the system daemon answered something that is not a run frame' });
      }
      if (frame.type === 'stdout') io.stdout.write(frame.data);
      else if (frame.type === 'stderr') io.stderr.write(frame.data);
      else if (frame.proof === undefined || !sameSecret(frame.proof, token))
        done({ failed: 'the answer on the system socket did not come from the system daemon' });
      else if (frame.type === 'error')
        done({ failed: `the system daemon refused the call: ${frame.message}` });
      else done({ code: frame.code });
    };
  });
}
