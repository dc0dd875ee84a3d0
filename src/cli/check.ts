import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { localFacts } from '../adapters/local-facts.js';
import type { Runtime } from '../app/runtime.js';
import { InputError } from '../core/errors.js';
import type { Principal } from '../core/decide.js';
import type { ActionFacts } from '../core/types.js';
import { EXIT_CODES } from './exit-codes.js';
import { checkJson, paletteFor, renderCheck } from './render.js';
import { commandFromArgs } from './quote.js';
import { reportError } from './errors.js';

export interface CheckOptions {
  json?: boolean;
  cwd?: string;
  batch?: boolean;
  agent?: string;
  /** With an approval server: how long to wait for approval (e.g. "5m"). */
  wait?: string;
}

/** Configuration problems go to stderr; the decisions themselves already fail closed. */
function reportProblems(rt: Runtime): Runtime {
  for (const p of rt.problems)
    process.stderr.write(`interlock: ${p} (production-scoped actions are denied until this is fixed)\n`);
  return rt;
}

export function principalFrom(options: { agent?: string }): Principal {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return options.agent ? { type: 'Agent', id: options.agent, actsFor: user } : { type: 'Human', id: user };
}

export async function runCheck(
  args: string[],
  options: CheckOptions,
  runtime: () => Promise<Runtime>,
): Promise<number> {
  if (options.batch) return runBatch(options, reportProblems(await runtime()));
  const command = commandFromArgs(args);
  if (command.trim() === '') {
    process.stderr.write(
      'interlock check: no command given. Usage: interlock check [--json] [--cwd DIR] -- <command>\n',
    );
    return EXIT_CODES.usage;
  }
  const rt = reportProblems(await runtime());
  try {
    const facts = localFacts({ cwd: options.cwd });
    const principal = principalFrom(options);
    const result = await rt.checker.check(command, facts, principal);
    // With an approval server configured (INTERLOCK_SERVER_URL + INTERLOCK_TOKEN), it has the last word.
    const serverConfigured =
      !!process.env.INTERLOCK_SERVER_URL || !!rt.config?.layers.some((l) => l.config.server?.url);
    const gate = serverConfigured
      ? await (
          await import('../approvals/check-gate.js')
        ).gateCheck(result, facts, principal, {
          wait: options.wait,
          env: process.env,
          config: rt.config,
          log: (line) => process.stderr.write(`${line}\n`),
        })
      : undefined;
    // Every decision goes to the local audit log; production-scoped work that cannot be recorded is refused.
    const { recordLocalDecision } = await import('../audit/local.js');
    const requestId = typeof gate?.json.requestId === 'string' ? gate.json.requestId : undefined;
    const audited = await recordLocalDecision(result, principal, facts, {
      ...(rt.config ? { config: rt.config } : {}),
      via: 'check',
      ...(gate ? { server: { outcome: gate.outcome, ...(requestId ? { requestId } : {}) } } : {}),
    });
    if (!audited.ok) process.stderr.write(`interlock: ${audited.message}\n`);
    const refused = !audited.ok && audited.fatal;
    const json = gate ? { ...checkJson(result), server: gate.json } : checkJson(result);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(refused ? { ...json, audit: { recorded: false, message: audited.message } } : json)}\n`
        : renderCheck(result, paletteFor(process.stdout, process.env)) +
            (gate?.text ?? '') +
            (refused ? `  audit log: DENY — ${audited.message}\n` : ''),
    );
    return refused ? EXIT_CODES.deny : EXIT_CODES[gate?.outcome ?? result.decision.outcome];
  } catch (error) {
    return reportError('check', error);
  }
}

const BatchLine = z.object({
  command: z.string({ error: '"command" must be a string' }),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  agent: z.string().optional(),
});

/** JSONL in, one result per line out, in order. A bad line gets an error object and the run goes on. */
async function runBatch(options: CheckOptions, rt: Runtime): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const baseEnv = process.env as Record<string, string>;
  const factsCache = new Map<string, ReturnType<typeof localFacts>>();
  let lineNo = 0;
  let failed = 0;
  const out: string[] = [];
  const decided: {
    check: ReturnType<Runtime['checker']['checkShell']>;
    principal: Principal;
    facts: ActionFacts;
  }[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: string;
    try {
      const parsed = BatchLine.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new InputError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
        );
      const { command, cwd, env, agent } = parsed.data;
      const key = `${cwd ?? options.cwd ?? ''}\0${env ? JSON.stringify(env) : ''}`;
      let facts = factsCache.get(key);
      if (!facts) {
        facts = localFacts({ cwd: cwd ?? options.cwd, env: env ? { ...baseEnv, ...env } : baseEnv });
        if (factsCache.size > 1000) factsCache.clear();
        factsCache.set(key, facts);
      }
      const principal = principalFrom({ agent: agent ?? options.agent });
      const result = rt.checker.checkShell(command, facts, principal);
      decided.push({ check: result, principal, facts });
      record = JSON.stringify({ line: lineNo, ...checkJson(result) });
    } catch (error) {
      failed++;
      const message =
        error instanceof SyntaxError
          ? `not valid JSON (${error.message})`
          : error instanceof Error
            ? error.message
            : String(error);
      record = JSON.stringify({ line: lineNo, error: message });
    }
    out.push(`${record}\n`);
    if (out.length >= 256) flush();
  }
  flush();
  if (decided.length) {
    // One commit for the whole batch: one flush to disk instead of one per line.
    const { recordLocalDecisions } = await import('../audit/local.js');
    const audited = await recordLocalDecisions(decided, {
      ...(rt.config ? { config: rt.config } : {}),
      via: 'check --batch',
    });
    if (!audited.ok) process.stderr.write(`interlock: ${audited.message}\n`);
  }
  return failed ? EXIT_CODES.usage : EXIT_CODES.ok;
}
