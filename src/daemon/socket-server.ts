import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { chmodSync, unlinkSync } from 'node:fs';
import { MAX_SOCKET_LINE, type SocketReply, type SocketRequest } from './socket-protocol.js';
import { RunCall, type RunFrame, type RunHandler } from './run-protocol.js';
import { CliCall, type CliHandler } from './cli-protocol.js';

export type SocketHandler = (request: SocketRequest) => Promise<string>;

/** A `run` call: frames as the command writes, then its exit; any failure before that is an error frame. */
function serveRun(socket: Socket, value: unknown, run: RunHandler, token: string) {
  const frame = (f: RunFrame) => socket.writable && socket.write(`${JSON.stringify(f)}\n`);
  const parsed = RunCall.safeParse(value);
  if (!parsed.success) {
    frame({
      type: 'error',
      message: `a run call is not valid: ${parsed.error.issues[0]?.message}`,
      proof: token,
    });
    socket.end();
    return;
  }
  const io = {
    stdout: { write: (data: string) => frame({ type: 'stdout', data }) },
    stderr: { write: (data: string) => frame({ type: 'stderr', data }) },
  };
  run(parsed.data, io)
    .then(
      (code) => frame({ type: 'exit', code, proof: token }),
      (error: unknown) =>
        frame({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
          proof: token,
        }),
    )
    .finally(() => socket.end());
}

/** What the socket answers besides hook calls: `interlock run` (system daemon), one-shot commands. */
export interface SocketCalls {
  run?: RunHandler;
  cli?: (call: CliCall) => ReturnType<CliHandler>;
}

/** A one-shot command's call: one reply, as for a hook call. */
function serveCli(
  value: unknown,
  cli: NonNullable<SocketCalls['cli']>,
  reply: (r: SocketReply) => void,
  token: string,
) {
  const parsed = CliCall.safeParse(value);
  if (!parsed.success) return reply({ error: `a cli call is not valid: ${parsed.error.issues[0]?.message}` });
  cli(parsed.data).then(
    (answer) => reply({ answer: JSON.stringify(answer), proof: token }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
}

function parseRequest(line: string): SocketRequest {
  const value = JSON.parse(line) as Partial<SocketRequest> | null;
  if (
    !value ||
    typeof value.agent !== 'string' ||
    typeof value.payload !== 'string' ||
    typeof value.cwd !== 'string'
  )
    throw new Error('a request is {"agent","payload","cwd","env"} on one line');
  const env: Record<string, string> = {};
  if (value.env && typeof value.env === 'object')
    for (const [k, v] of Object.entries(value.env)) if (typeof v === 'string') env[k] = v;
  return { agent: value.agent, payload: value.payload, cwd: value.cwd, env };
}

function serve(socket: Socket, handle: SocketHandler, token: string, calls: SocketCalls) {
  const chunks: Buffer[] = [];
  let size = 0;
  const reply = (r: SocketReply) => socket.end(`${JSON.stringify(r)}\n`);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    const newline = chunk.indexOf(10);
    chunks.push(newline < 0 ? chunk : chunk.subarray(0, newline));
    size += chunk.length;
    if (size > MAX_SOCKET_LINE) {
      socket.removeAllListeners('data');
      reply({ error: `request over ${MAX_SOCKET_LINE} bytes` });
      return;
    }
    if (newline < 0) return;
    socket.removeAllListeners('data');
    let request: SocketRequest;
    try {
      const line = Buffer.concat(chunks).toString('utf8');
      const value = JSON.parse(line) as { kind?: unknown } | null;
      if (calls.run && value?.kind === 'run') return serveRun(socket, value, calls.run, token);
      if (calls.cli && value?.kind === 'cli') return serveCli(value, calls.cli, reply, token);
      request = parseRequest(line);
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) });
      return;
    }
    handle(request).then(
      (answer) => reply({ answer, proof: token }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** Is a daemon already answering on this path? (A leftover file from a crashed one is not.) */
function inUse(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Listen on `path` (mode 0600, or 0666 for the system daemon, which every agent's user may call); answers
 * carry `token`. Fails when another live daemon holds the path.
 */
export async function listenSocket(
  path: string,
  handle: SocketHandler,
  token: string,
  mode = 0o600,
  calls: SocketCalls = {},
): Promise<Server> {
  if (await inUse(path)) throw new Error(`another daemon is listening on ${path}`);
  try {
    unlinkSync(path);
  } catch {
    // nothing left over
  }
  // The hook half-closes after its request line; the answer still has to go back on the same socket.
  const server = createServer({ allowHalfOpen: true }, (socket) => serve(socket, handle, token, calls));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, mode);
  return server;
}
