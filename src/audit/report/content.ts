import { isoSeconds } from '../time.js';
import type { VerifyReport } from '../verify.js';
import { code, strong, type Block, type Text } from './blocks.js';
import { chainText, executionText } from './chain.js';
import type { ActionRow, IncidentReport } from './model.js';

// The Correction-of-Error report: what the log proves first (integrity), then summary, timeline, the
// actions that were held or refused in detail, the control events, and the questions only people answer.

const t = (ms: number) => isoSeconds(ms).replace('T', ' ');
const hm = (ms: number) => isoSeconds(ms).slice(11, 19);
const plural = (n: number, w: string) =>
  `${n} ${n === 1 ? w : w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function integrityBlocks(v: VerifyReport, segment: IncidentReport['segment']): Block[] {
  if (!segment.entries)
    return [
      {
        kind: 'p',
        tone: 'note',
        text: ['The log holds no entries in this window, so there is nothing to verify.'],
      },
    ];
  const anchor =
    v.anchor.kind === 'checkpoint'
      ? `from the signed checkpoint at entry ${v.anchor.seq} (key ${v.anchor.keyId}, ${t(v.anchor.at)})`
      : 'from the first entry of the log';
  const blocks: Block[] = [];
  if (v.problem)
    blocks.push({
      kind: 'p',
      tone: 'bad',
      text: [
        strong(`The log segment does NOT verify: entry ${v.problem.seq}. `),
        v.problem.message,
        '. Treat what follows as unproven from that entry on.',
      ],
    });
  else
    blocks.push({
      kind: 'p',
      tone: v.coveredBy ? 'ok' : 'warn',
      text: [
        strong(`Entries ${segment.from}–${segment.to} verify`),
        `: the hash chain was re-walked ${anchor} through entry ${v.checked.to} (${plural(v.checked.entries, 'entry')}). `,
        v.coveredBy
          ? `A checkpoint signed with key ${v.coveredBy.keyId} on ${t(v.coveredBy.at)} vouches for every one of them (entry ${v.coveredBy.seq}).`
          : 'No signed checkpoint covers the end of this segment yet: its last entries are hash-chained but not signed, so a rewrite of them would not be caught.',
      ],
    });
  blocks.push({
    kind: 'ul',
    items: [
      ['Log: ', code(v.location)],
      [
        v.checkpoints.total
          ? `Signed checkpoints: ${v.checkpoints.total}, ${v.signatures === 'verified' ? `${v.checkpoints.verified} verified against the keyring` : 'signatures NOT checked (no keyring)'}`
          : 'Signed checkpoints: none',
      ],
      ...v.warnings.map((w): Text => [`Warning: ${w}`]),
      [`Re-check: `, code(`interlock audit verify --from ${segment.from}`)],
    ],
  });
  return blocks;
}

function approvalsText(a: ActionRow): string {
  if (!a.requestId) return '—';
  const given = a.approvals.map((x) => `${x.approver} ${hm(x.at)}`).join(', ');
  return `${given || 'none'}${a.approvalsRequired ? ` (${a.approvals.length}/${a.approvalsRequired})` : ''}`;
}

function executedText(a: ActionRow): string {
  const runs = a.executions.map(executionText);
  if (a.consumed) runs.unshift(`approval used by ${a.consumed.by} at ${hm(a.consumed.at)}`);
  if (runs.length) return runs.join('; ');
  if (a.outcome === 'allow') return 'allowed (no outcome recorded)';
  if (a.outcome === 'ask') return 'left to the local user';
  return 'did not run';
}

function policyText(a: ActionRow): Text {
  const out: Text = [a.policyOutcome ?? '?'];
  if (a.policies.length) out.push(' by ', ...a.policies.flatMap((p, i) => (i ? [', ', code(p)] : [code(p)])));
  return out;
}

function detail(a: ActionRow): Block[] {
  const items: Text[] = [
    ['Proposed by ', strong(a.proposer), ` at ${t(a.at)} (${a.source} decision, entry ${a.seq})`],
    ['Action: ', code(clip(a.what, 2000)), a.cwd ? ` in ${a.cwd}` : ''],
    [`Where: ${a.environment}${a.risk ? `, risk ${a.risk}` : ''}`],
    ['Policy: ', ...policyText(a)],
  ];
  if (a.requestId)
    items.push([
      'Approval request ',
      code(a.requestId),
      `: ${a.approvalsRequired ?? '?'} approval(s) required; `,
      a.approvals.length ? a.approvals.map((x) => `${x.approver} at ${t(x.at)}`).join(', ') : 'no approvals',
    ]);
  if (a.denied)
    items.push([
      `Denied by ${a.denied.by} at ${t(a.denied.at)}${a.denied.reason ? `: ${a.denied.reason}` : ''}`,
    ]);
  if (a.expired) items.push([`Expired unapproved at ${t(a.expired)}`]);
  if (a.cancelled) items.push([`Cancelled by ${a.cancelled.by} at ${t(a.cancelled.at)}`]);
  if (a.message) items.push([`Answer given: ${clip(a.message, 500)}`]);
  items.push([`Executed: ${executedText(a)}`]);
  items.push([`Chain: ${chainText(a)}`]);
  items.push([
    `Outcome: ${a.outcome}. Entries: ${a.seqs.join(', ')} (`,
    code(`interlock audit show ${a.seq}`),
    ')',
  ]);
  return [
    { kind: 'h3', text: [`${t(a.at)} — `, code(clip(a.what, 100))] },
    { kind: 'ul', items },
  ];
}

export function reportBlocks(r: IncidentReport): Block[] {
  const blocks: Block[] = [
    { kind: 'h1', text: [r.title] },
    {
      kind: 'p',
      text: [
        `Window: ${t(r.since)} – ${t(r.until)} UTC${r.environment ? ` · environment: ${r.environment}` : ''} · generated ${t(r.generatedAt)} from `,
        code(r.location),
        ` (entries ${r.segment.from || '—'}–${r.segment.to || '—'}).`,
      ],
    },
    { kind: 'h2', text: ['Log integrity'] },
    ...integrityBlocks(r.verification, r.segment),
    { kind: 'h2', text: ['Summary'] },
  ];
  const s = r.totals;
  const outcomes = Object.entries(s.byOutcome)
    .sort((a, b) => b[1] - a[1])
    .map(([o, n]) => `${n} ${o}`)
    .join(', ');
  blocks.push({
    kind: 'ul',
    items: [
      [
        `${plural(s.actions, 'action')} proposed${s.agents.length ? ` by ${plural(s.agents.length, 'agent')} (${s.agents.join(', ')})` : ''}${s.humans.length ? ` on behalf of ${s.humans.join(', ')}` : ''}.`,
      ],
      [`Outcomes: ${outcomes || 'none'}.`],
      [
        `${plural(s.production, 'action')} in production; ${plural(s.approvals, 'approval')} given; ${plural(s.executions, 'recorded execution')}${s.failedExecutions ? ` (${s.failedExecutions} failed)` : ''}.`,
      ],
      [`${plural(r.controls.length, 'control event')} (freezes, policy and token changes).`],
    ],
  });
  blocks.push(
    { kind: 'h2', text: ['Impact'] },
    {
      kind: 'p',
      tone: 'note',
      text: ['For the owner to write: who and what was affected, for how long, and how it was detected.'],
    },
    { kind: 'h2', text: ['Timeline'] },
  );
  if (!r.actions.length)
    blocks.push({ kind: 'p', tone: 'note', text: ['No action was proposed in this window.'] });
  else
    blocks.push({
      kind: 'table',
      head: [
        'time (UTC)',
        'entry',
        'proposed by',
        'action',
        'env',
        'policy',
        'approvals',
        'outcome',
        'executed',
      ],
      rows: r.actions.map((a) => [
        [t(a.at)],
        [String(a.seq)],
        [a.proposer],
        [code(clip(a.what.replace(/\s+/g, ' '), 160))],
        [a.environment],
        policyText(a),
        [approvalsText(a)],
        [a.outcome],
        [executedText(a)],
      ]),
    });
  const held = r.actions.filter((a) => a.requestId || a.outcome !== 'allow' || a.executions.length > 0);
  blocks.push({ kind: 'h2', text: ['Actions held, refused, failed or run'] });
  if (!held.length)
    blocks.push({
      kind: 'p',
      tone: 'note',
      text: ['None: every action in the window was allowed by policy.'],
    });
  for (const a of held) blocks.push(...detail(a));
  blocks.push({ kind: 'h2', text: ['Control events'] });
  if (!r.controls.length)
    blocks.push({
      kind: 'p',
      tone: 'note',
      text: ['No freezes, policy changes or token changes in this window.'],
    });
  else
    blocks.push({
      kind: 'table',
      head: ['time (UTC)', 'entry', 'event', 'by', 'detail'],
      rows: r.controls.map((c) => [[t(c.at)], [String(c.seq)], [c.type], [c.actor], [clip(c.summary, 300)]]),
    });
  blocks.push(
    { kind: 'h2', text: ['Why it happened'] },
    {
      kind: 'p',
      tone: 'note',
      text: ['For the owner to write: ask "why" until the answer is a mechanism, not a person (five whys).'],
    },
    { kind: 'h2', text: ['Action items'] },
    {
      kind: 'p',
      tone: 'note',
      text: [
        'For the owner to write: each with an owner and a date. Policy changes can be tested first with ',
        code('interlock policy test'),
        '.',
      ],
    },
  );
  return blocks;
}
