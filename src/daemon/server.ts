import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParsers, type LoadedParsers } from '../app/checker.js';
import { assembleRuntime, loadPolicies, type Runtime } from '../app/runtime.js';
import { findProjectConfigDir, userConfigDir } from '../config/discover.js';
import { MANAGED_CONFIG_DIR } from '../config/managed.js';
import { claudeOutput } from '../adapters/hooks/claude-code.js';
import { samplePayload } from '../adapters/hooks/doctor.js';
import { answerHook, rehearse, type PolicyBundle, type PolicyProvider } from '../adapters/hooks/engine.js';
import { AGENTS, isAgentId } from '../adapters/hooks/types.js';
import { recordLocallyForLong } from '../audit/local.js';
import { stringEnv } from './forwardable-env.js';
import { daemonServerEnv, withDaemonServer, withOwnState } from './server-env.js';
import { listenSocket } from './socket-server.js';
import type { RunHandler } from './run-protocol.js';
import type { CliCall, CliHandler } from './cli-protocol.js';
import { startingMarker } from './autostart.js';
import {
  clearState,
  DEFAULT_PORT,
  NONCE_HEADER,
  PROTOCOL,
  sign,
  SIGNATURE_HEADER,
  socketPath,
  buildId,
  stateFile as defaultStateFile,
  writeState,
} from './state.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { ServiceError } from '../server/errors.js';

// `interlock daemon`: parsers and policies stay loaded, so a hook call costs a process start and one
// loopback round trip instead of loading tree-sitter and Cedar every time. node:http is enough for three
// routes and keeps the daemon free of dependencies (nothing to audit on the path that guards production).
//
//   GET  /health              liveness, for `interlock doctor` and `interlock daemon status`
//   POST /v1/hook/<agent>     { payload, cwd, env } from `interlock hook <agent>`; answer signed (HMAC)
//   daemon.sock (beside the state file): the same call as one JSON line each way (socket-protocol.ts),
//                             one-shot `check`, `explain`, `plan check`, `policy list` (cli-protocol.ts), and for the system daemon
//                             `interlock run` streamed back (run-protocol.ts)
//   POST /hooks/claude-code   Claude Code's `http` hook: the PreToolUse input as the body, its output back

export interface DaemonOptions {
  host?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  stateFile?: string;
  maxBodyBytes?: number;
  log?: (line: string) => void;
  /** Call `onIdle` after this long without a request (an autostarted daemon leaves by itself). */
  idleExitMs?: number;
  onIdle?: () => void;
  /** The system daemon (`setup --system`): its socket and state file are for every agent's user, and its
   * audit log and key are its own whatever a call's variables say. */
  system?: boolean;
  /** Answers `interlock run` calls on the socket (the system daemon: the broker under its own user). */
  run?: RunHandler;
  /** Answers one-shot `check`, `explain`, `plan check` and `policy list` calls on the socket (the command line's, a layer above). */
  cli?: CliHandler;
  /** The managed tier's directory (tests); /etc/interlock otherwise. */
  managedDir?: string;
}

export interface RunningDaemon {
  host: string;
  port: number;
  url: string;
  stateFile: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

interface Cached {
  stamp: string;
  bundle: Promise<PolicyBundle>;
  runtime?: Promise<Runtime>;
}

/**
 * What the configuration files look like: a different stamp means the policies must be reloaded. Read on
 * every call, so an edit is seen by the next one. A file's change time is in it (an agent can put back a
 * file's modification time and size after editing it, but not its change time), and so are the mode and
 * owner of every file and directory (what the managed tier is trusted by).
 */
function configStamp(dirs: readonly string[]): string {
  const parts: string[] = [];
  const owned = (path: string, st: Stats) => `${path}:${st.ino}:${st.mode}:${st.uid}`;
  for (const dir of dirs) {
    for (const sub of [dir, join(dir, 'policies')]) {
      let names: string[];
      try {
        // Most of these directories do not exist: asked without throwing (an error costs every call).
        const st = statSync(sub, { throwIfNoEntry: false });
        if (!st) continue;
        parts.push(owned(sub, st));
        names = readdirSync(sub);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (name === 'daemon.json' || name.endsWith('.tmp')) continue;
        try {
          const st = statSync(join(sub, name));
          if (st.isFile()) parts.push(`${owned(join(sub, name), st)}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`);
        } catch {
          // removed meanwhile
        }
      }
    }
  }
  return parts.join('|');
}

/** Parsers loaded once; policies per project configuration, reloaded when its files change. */
function cachingProvider(parsers: LoadedParsers, managedDir: string): PolicyProvider {
  const cache = new Map<string, Cached>();
  const entry = (cwd: string, env: Record<string, string>): Cached => {
    const projectDir = findProjectConfigDir(cwd);
    const userDir = userConfigDir(env);
    const key = `${projectDir ?? '-'}\0${userDir}`;
    const stamp = configStamp([managedDir, ...(projectDir ? [projectDir] : []), userDir]);
    const cached = cache.get(key);
    if (cached && cached.stamp === stamp) return cached;
    const fresh: Cached = { stamp, bundle: loadPolicies({ cwd, env, managedDir }) };
    if (cache.size > 200) cache.clear();
    cache.set(key, fresh);
    return fresh;
  };
  return {
    policies: (cwd, env) => entry(cwd, env).bundle,
    runtime(cwd, env) {
      const e = entry(cwd, env);
      e.runtime ??= e.bundle.then((bundle) => assembleRuntime(parsers, bundle));
      return e.runtime;
    },
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new ServiceError(413, 'too-large', `request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startDaemon(options: DaemonOptions = {}): Promise<RunningDaemon> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`the daemon listens on loopback only (127.0.0.1, ::1), not ${host}`);
  const env = options.env ?? process.env;
  // Every decision it answers waits for its audit record: flushed off the event loop (SqliteOptions.background).
  recordLocallyForLong();
  const daemonEnv = stringEnv(env);
  const serverEnv = daemonServerEnv(daemonEnv);
  const file = options.stateFile ?? defaultStateFile(env);
  const limit = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const log = options.log ?? (() => {});
  const token = randomBytes(32).toString('hex');
  const provider = cachingProvider(
    await loadParsers({ eagerSql: true }),
    options.managedDir ?? MANAGED_CONFIG_DIR,
  );
  // One call per agent rehearsed before listening (nothing recorded): the first real call then finds the
  // policies of this directory and user compiled, and the code past its first runs.
  const rehearsal = { cwd: process.cwd(), env: withDaemonServer(daemonEnv, serverEnv) };
  for (const agent of AGENTS)
    await rehearse(
      agent,
      JSON.stringify(samplePayload(agent, 'ls -la', rehearsal.cwd)),
      options.system ? { ...rehearsal, env: withOwnState(rehearsal.env, daemonEnv) } : rehearsal,
      provider,
    );
  const started = Date.now();
  let requests = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let inFlight = 0;
  /** (Re)start the idle clock; it runs out only with no call in progress. */
  const touch = () => {
    const { idleExitMs, onIdle } = options;
    if (!idleExitMs || !onIdle) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => (inFlight > 0 ? touch() : onIdle()), idleExitMs);
  };
  /** One hook call: counted for /health, and holding off the idle exit while it runs. */
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    requests++;
    inFlight++;
    touch();
    try {
      return await work();
    } finally {
      inFlight--;
      touch();
    }
  };

  const send = (res: ServerResponse, status: number, body: string, nonce?: string) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    if (nonce) headers[SIGNATURE_HEADER] = sign(token, nonce, body);
    res.writeHead(status, headers);
    res.end(body);
  };

  /** A call from `interlock hook <agent>` (over HTTP or the socket): the answer as JSON text, which the
   * transport then signs (HTTP) or sends with the secret (socket). */
  const answerOwnHook = async (
    agent: string,
    payload: string,
    cwdIn: unknown,
    callEnv: Record<string, string>,
  ) => {
    if (!isAgentId(agent)) throw new ServiceError(404, 'unknown-agent', `unknown agent ${agent}`);
    const cwd = typeof cwdIn === 'string' && cwdIn ? cwdIn : process.cwd();
    const env = withDaemonServer(callEnv, serverEnv);
    const answer = await counted(() =>
      answerHook(agent, payload, { cwd, env: options.system ? withOwnState(env, daemonEnv) : env }, provider),
    );
    log(`${agent} ${answer.verdict.outcome}${answer.exitCode ? ` exit ${answer.exitCode}` : ''}`);
    return JSON.stringify({
      stdout: answer.stdout,
      exitCode: answer.exitCode,
      ...(answer.stderr ? { stderr: answer.stderr } : {}),
    });
  };

  /** A one-shot command's call: decided with the variables a hook call would be (the daemon's server, and
   * in system mode its state), on the runtime the hooks use. */
  const answerCli = (call: CliCall) => {
    const withServer = withDaemonServer(call.env, serverEnv);
    const env = options.system ? withOwnState(withServer, daemonEnv) : withServer;
    const context = {
      env,
      system: options.system === true,
      runtime: (cwd: string) => provider.runtime(cwd, env),
    };
    return counted(async () => {
      const answer = await options.cli!(call, context);
      log(`${call.argv[0] === 'plan' ? 'plan check' : call.argv[0]} exit ${answer.exitCode}`);
      return answer;
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://daemon');
    const nonceHeader = req.headers[NONCE_HEADER];
    const nonce =
      typeof nonceHeader === 'string' && /^[0-9a-f]{16,128}$/.test(nonceHeader) ? nonceHeader : undefined;
    if (req.method === 'GET' && url.pathname === '/health') {
      return send(
        res,
        200,
        JSON.stringify({
          ok: true,
          pid: process.pid,
          protocol: PROTOCOL,
          uptimeMs: Date.now() - started,
          requests,
        }),
        nonce,
      );
    }
    const own = /^\/v1\/hook\/([a-z-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && own) {
      if (!nonce) throw new ServiceError(400, 'no-nonce', `missing ${NONCE_HEADER}`);
      const body = JSON.parse(await readBody(req, limit)) as {
        payload?: unknown;
        cwd?: unknown;
        env?: unknown;
      };
      if (typeof body.payload !== 'string')
        throw new ServiceError(400, 'bad-payload', 'payload must be the hook input as a string');
      const answer = await answerOwnHook(own[1]!, body.payload, body.cwd, stringEnv(body.env));
      return send(res, 200, answer, nonce);
    }
    if (req.method === 'POST' && url.pathname === '/hooks/claude-code') {
      const payload = await readBody(req, limit);
      const answer = await counted(() =>
        answerHook(
          'claude-code',
          payload,
          { cwd: process.cwd(), env: withDaemonServer(daemonEnv, serverEnv) },
          provider,
        ),
      );
      log(`claude-code(http) ${answer.verdict.outcome}`);
      // An HTTP hook cannot block through a status code: a refusal must be a 2xx JSON deny.
      const out =
        answer.exitCode === EXIT_CODES.ok
          ? answer.stdout.trim()
          : JSON.stringify(claudeOutput(answer.verdict));
      return send(res, 200, out, nonce);
    }
    throw new ServiceError(404, 'no-route', `no route ${req.method} ${url.pathname}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof ServiceError ? error.status : error instanceof SyntaxError ? 400 : 500;
      const message = error instanceof Error ? error.message : String(error);
      log(`error ${status}: ${message}`);
      if (!res.headersSent) send(res, status, JSON.stringify({ error: message }));
      else res.end();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const build = buildId(fileURLToPath(new URL('../cli/', import.meta.url)));
  // The socket is the hook process's way in (no HTTP client to load); without it, hooks use HTTP.
  const socketFile = socketPath(file);
  // The socket goes beside the state file: its directory first (as writeState makes it), or no socket.
  mkdirSync(dirname(file), { recursive: true, mode: options.system ? 0o755 : 0o700 });
  let socketServer: Server | undefined;
  try {
    socketServer = await listenSocket(
      socketFile,
      (r) => answerOwnHook(r.agent, r.payload, r.cwd, r.env),
      token,
      options.system ? 0o666 : 0o600,
      {
        ...(options.run ? { run: (call, io) => counted(() => options.run!(call, io)) } : {}),
        ...(options.cli ? { cli: answerCli } : {}),
      },
    );
  } catch (error) {
    log(
      `no socket at ${socketFile} (${error instanceof Error ? error.message : String(error)}); hooks use HTTP`,
    );
  }
  writeState(
    file,
    {
      protocol: PROTOCOL,
      pid: process.pid,
      host,
      port,
      token,
      startedAt: new Date(started).toISOString(),
      ...(socketServer ? { socket: socketFile } : {}),
      ...(build ? { build } : {}),
      ...(options.idleExitMs ? { replaceable: true } : {}),
    },
    { shared: options.system === true },
  );
  // A hook that started this daemon in the background marked the start; it is done.
  try {
    unlinkSync(startingMarker(file));
  } catch {
    // not started that way
  }
  touch();

  return {
    host,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stateFile: file,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idleTimer);
        clearState(file);
        socketServer?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
