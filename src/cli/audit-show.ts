import { visible } from '../core/text.js';
import { attribute, type Attribution } from '../audit/attribution.js';
import { isoSeconds } from '../audit/time.js';
import { openForReading, quietOnClosedPipe, type StoreOptions } from './audit-store.js';
import { reportError } from './errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

const t = (ms: number) => isoSeconds(ms).replace('T', ' ');
const VIA: Record<string, string> = {
  'os-user': 'OS user',
  caller: 'as the caller said',
  token: 'server token',
};

function renderAttribution(a: Attribution): string {
  const s = a.subject;
  const rows: [string, string][] = [];
  const add = (k: string, v: string | undefined) => v && rows.push([k, v]);
  if (a.agent) {
    const detail = [
      a.agent.vendor,
      a.agent.model && `model ${a.agent.model}`,
      a.agent.session && `session ${a.agent.session}`,
    ]
      .filter(Boolean)
      .join(', ');
    add('Proposed by', `agent ${a.agent.name}${detail ? ` (${detail})` : ''}`);
    add('On behalf of', a.human && `${a.human.name} (${VIA[a.human.via] ?? a.human.via})`);
  } else add('Proposed by', a.human ? `${a.human.name} (${VIA[a.human.via] ?? a.human.via})` : s.actor);
  const needed =
    a.request?.approvalsRequired ??
    (a.policyOutcome === 'require-approval' ? s.approvalsRequired : undefined);
  const group = a.request?.approverGroup ?? s.approverGroup;
  add('Action', s.command === undefined ? s.actionKind : visible(s.command, { newlines: true }));
  add('In', s.cwd);
  add('Where', s.environment && `${s.environment}${s.risk ? `, risk ${s.risk}` : ''}`);
  add(
    'Policy',
    a.policyOutcome &&
      `${a.policyOutcome}${needed ? ` (${needed} approvals${group ? ` from ${group}` : ''})` : ''}${a.policies.length ? ` — ${a.policies.join(', ')}` : ''}`,
  );
  add('Outcome', a.outcome);
  if (a.request)
    add(
      'Request',
      `${a.request.id}${a.request.state ? `, now ${a.request.state}` : ''}${a.request.createdAt ? `, created ${t(a.request.createdAt)}` : ''}`,
    );
  if (a.request)
    add(
      'Approvals',
      a.approvals.length
        ? a.approvals
            .map(
              (x) =>
                `${x.approver}${x.groups?.length ? ` [${x.groups.join(', ')}]` : ''} at ${t(x.at)}${x.comment ? ` ("${x.comment}")` : ''}`,
            )
            .join('\n')
        : 'none',
    );
  add(
    'Denied',
    a.denied && `by ${a.denied.by} at ${t(a.denied.at)}${a.denied.reason ? `: ${a.denied.reason}` : ''}`,
  );
  add('Used', a.consumed && `by ${a.consumed.by} at ${t(a.consumed.at)} (the approval is spent)`);
  add(
    'Executed',
    a.executions.length
      ? a.executions
          .map(
            (x) =>
              `${x.exitCode !== undefined ? `exit ${x.exitCode}` : (x.result ?? 'ran')} at ${t(x.at)} (entry ${x.seq})${x.confirmedBy ? `, confirmed by ${x.confirmedBy}` : ''}`,
          )
          .join('\n')
      : undefined,
  );
  add('Entries', a.related.map((r) => `${r.seq} ${r.type}${r.seq === s.seq ? ' ←' : ''}`).join(', '));
  add('Hash', `${s.hash} (previous ${s.prevHash.slice(0, 16)}…)`);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const body = rows
    .map(([k, v]) =>
      v
        .split('\n')
        .map((line, i) => `  ${(i ? '' : k).padEnd(width)}${line}`)
        .join('\n'),
    )
    .join('\n');
  return `Entry ${s.seq} · ${s.type} · ${t(s.at)} · ${s.source}${typeof s.data.via === 'string' ? ` (${s.data.via})` : ''}\n${body}\n`;
}

/** `interlock audit show ID`: the actor chain of one entry or request, for a person. */
export async function runAuditShow(id: string, options: StoreOptions & { json?: boolean }): Promise<number> {
  quietOnClosedPipe();
  let log;
  try {
    log = await openForReading(options);
  } catch (error) {
    return reportError('audit show', error);
  }
  try {
    const a = await attribute(log, id.trim());
    process.stdout.write(options.json ? `${JSON.stringify(a)}\n` : renderAttribution(a));
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('audit show', error);
  } finally {
    await log.close();
  }
}
