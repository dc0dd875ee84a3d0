import { localFacts } from '../adapters/local-facts.js';
import { evaluate, type ShellEvaluation } from '../app/evaluate.js';
import type { Runtime } from '../app/runtime.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { principalFrom } from './check.js';
import { evaluationJson, paletteFor, type Palette } from './render.js';
import { commandFromArgs } from './quote.js';
import { reportError } from './errors.js';
import { processIo, type CliIo } from './io.js';

function policyRef(p: { id: string; origin: string; line?: number }): string {
  return `${p.origin}${p.line ? `:${p.line}` : ''}`;
}

/** The whole chain for a person: parse → effects → environment → policies → outcome, with file:line to change. */
function renderExplain(result: ShellEvaluation, rt: Runtime, c: Palette): string {
  const { assessment, decision } = result;
  const out: string[] = [];
  out.push(c.bold('command'), `  ${result.action.command}`);
  out.push(c.bold(`parse: ${assessment.commands.length} simple command(s), wrappers peeled`));
  assessment.commands.forEach((cmd, i) => out.push(`  ${i + 1}. ${cmd}`));
  out.push(c.bold(`effects (${assessment.effects.length})`));
  if (assessment.effects.length === 0)
    out.push('  none: the command only reads or runs nothing Interlock knows to be destructive');
  decision.perEffect.forEach((d, i) => {
    const e = d.effect;
    out.push(
      `  ${i + 1}. ${e.operation} ${e.tool}: ${e.target || '—'}  [risk ${e.risk}${e.destructive ? ', destructive' : ''}${e.reversible ? '' : ', irreversible'}]`,
    );
    out.push(`     ${c.dim(e.reason)}`);
    const because = e.environmentHints.map((h) => `${h.source}=${h.value}`).join(', ') || 'no hint matched';
    out.push(`     environment: ${e.environment}  ${c.dim(`← ${because}`)}`);
    if (d.matched.length === 0) out.push(`     policies: ${c.yellow('none matched')}`);
    for (const p of d.matched) {
      const outcome =
        p.outcome === 'require-approval'
          ? `require-approval ×${p.approvals}${p.group ? ` from ${p.group}` : ''}`
          : p.outcome;
      out.push(`     policy ${p.id} → ${outcome}  ${c.dim(policyRef(p))}`);
    }
    out.push(
      `     outcome for this effect: ${d.outcome}${d.outcome !== 'allow' ? ` — ${d.reasons.join('; ')}` : ''}`,
    );
  });
  if (rt.config) out.push(c.dim(`environment patterns from: ${rt.config.patternsFrom.join(', ')}`));
  for (const p of rt.problems) out.push(c.red(`configuration problem: ${p}`));
  const headline =
    decision.outcome === 'require-approval'
      ? `require-approval (${decision.approvals} approver(s)${decision.approverGroup ? ` from ${decision.approverGroup}` : ''})`
      : decision.outcome;
  out.push(c.bold(`decision: ${headline}`));
  for (const r of decision.reasons) out.push(`  ${r}`);
  const deciding = decision.perEffect
    .filter((d) => d.outcome === decision.outcome)
    .flatMap((d) => d.matched.filter((p) => p.outcome === decision.outcome));
  if (deciding.length && decision.outcome !== 'allow') {
    const own = [...new Set(deciding.filter((p) => !p.origin.startsWith('pack:')).map(policyRef))];
    const packs = [
      ...new Set(deciding.filter((p) => p.origin.startsWith('pack:')).map((p) => p.origin.slice(5))),
    ];
    if (own.length) out.push(c.dim(`to change this outcome, edit ${own.join(', ')}`));
    if (packs.length) {
      out.push(
        c.dim(
          `decided by the built-in pack(s) ${packs.join(', ')}: the strictest outcome wins, so a stricter policy in .interlock/policies/ can tighten it; to loosen it, turn the pack off with \`packs:\` in .interlock/config.yaml and write your own rule`,
        ),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function explainJson(result: ShellEvaluation, rt: Runtime): object {
  return {
    ...evaluationJson(result),
    parse: { commands: result.assessment.commands },
    effects: result.decision.perEffect.map((d) => ({
      operation: d.effect.operation,
      tool: d.effect.tool,
      target: d.effect.target,
      risk: d.effect.risk,
      destructive: d.effect.destructive,
      environment: d.effect.environment,
      environmentFrom: d.effect.environmentHints,
      policies: d.matched.map((p) => ({
        id: p.id,
        outcome: p.outcome,
        approvals: p.approvals,
        group: p.group ?? null,
        origin: p.origin,
        line: p.line ?? null,
      })),
      outcome: d.outcome,
      reasons: d.reasons,
    })),
    configuration: rt.config
      ? { layers: rt.config.layers.map((l) => l.dir), environmentPatternsFrom: rt.config.patternsFrom }
      : null,
    problems: rt.problems,
  };
}

export async function runExplain(
  args: string[],
  options: { json?: boolean; cwd?: string; agent?: string; actsFor?: string },
  rt: Runtime,
  io: CliIo = processIo('answer'),
): Promise<number> {
  const command = commandFromArgs(args);
  try {
    const result = await evaluate(
      { kind: 'shell', command },
      localFacts({ cwd: options.cwd, env: io.env as Record<string, string> }),
      principalFrom(options),
      rt,
    );
    io.stdout.write(
      options.json
        ? `${JSON.stringify(explainJson(result, rt))}\n`
        : renderExplain(result, rt, paletteFor(io.stdout, io.env)),
    );
    return EXIT_CODES[result.decision.outcome];
  } catch (error) {
    return reportError('explain', error, io.stderr);
  }
}
