import { z } from 'zod';
import { OPERATIONS, OUTCOMES, RISKS } from '../core/types.js';
import { REQUEST_STATES } from '../store/types.js';
import { WireFacts, WireProposal } from './wire.js';

// The approval server's JSON API: every body the server reads and every answer the client reads is
// checked against these schemas (zod at each boundary). Shared by src/server and src/approvals/client.ts.

export const API_VERSION = 1;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lower-case hex (64 characters)');
const Name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'use letters, digits and . _ @ + - (no spaces)');
export const IdentityName = Name;
export const GroupName = Name;
const Text = (max: number) => z.string().max(max);
const Environment = z.enum(['production', 'non-production', 'unknown']);

export const EffectView = z.object({
  operation: z.enum(OPERATIONS),
  tool: Text(200),
  target: Text(4000),
  environment: Environment,
  risk: z.enum(RISKS),
  reversible: z.boolean(),
  reason: Text(4000),
  category: Text(100).optional(),
  destructive: z.boolean().optional(),
});
export type EffectView = z.infer<typeof EffectView>;

const HintView = z.object({ source: Text(200), value: Text(4096) });

export const AssessmentView = z.object({
  risk: z.enum(RISKS),
  destructive: z.boolean(),
  environment: Environment,
  environmentHints: z.array(HintView).max(200).default([]),
  effects: z.array(EffectView).max(1000),
  reasons: z.array(Text(4000)).max(200).default([]),
  /** Every command is known to only read (src/core/read-only.ts). */
  readOnly: z.boolean().optional(),
});
export type AssessmentView = z.infer<typeof AssessmentView>;

const PolicyView = z.object({
  id: Text(300),
  outcome: z.enum(OUTCOMES).optional(),
  source: Text(1000).optional(),
  line: z.number().int().optional(),
  message: Text(2000).optional(),
});

export const DecisionView = z.object({
  outcome: z.enum(OUTCOMES),
  approvals: z.number().int().min(0).max(100),
  approverGroup: GroupName.optional(),
  reasons: z.array(Text(4000)).max(200).default([]),
  policies: z.array(PolicyView).max(500).default([]),
});
export type DecisionView = z.infer<typeof DecisionView>;

const AgentView = z.object({
  vendor: Text(100).optional(),
  model: Text(200).optional(),
  session: Text(200).optional(),
});

/** What would run. `kind` is "shell" for a command, "plan" for a plan file, or another adapter's kind. */
export const ActionView = z.object({
  kind: z.string().min(1).max(64),
  command: Text(100_000).optional(),
  cwd: Text(4096).optional(),
  file: Text(4096).optional(),
  sha256: Hex64.optional(),
  summary: Text(4000).optional(),
  /** A plan, as `plan check --format markdown` prints it for the server's decision (kept for reviewers). */
  planReview: Text(200_000).optional(),
  host: Text(255).optional(),
  kubeContext: Text(255).optional(),
  terraformWorkspace: Text(255).optional(),
  /** On a request: what the agent's side said it is (vendor, model, session). Shown to reviewers, never trusted. */
  agent: AgentView.optional(),
});
export type ActionView = z.infer<typeof ActionView>;

/**
 * An agent's side asks about one action: the action and the facts it was assessed with (src/approvals/
 * wire.ts), never a verdict the server would believe. The server assesses, decides and computes the digest
 * itself. `local` is the agent side's own decision: it can only make the server's stricter.
 */
export const DecisionBody = z.object({
  proposal: WireProposal,
  facts: WireFacts,
  local: DecisionView.optional(),
  agent: AgentView.optional(),
});
export type DecisionBody = z.input<typeof DecisionBody>;
export type DecisionWire = z.output<typeof DecisionBody>;

/** A decision as the server took it: what it assessed, what its policies said, and the digest it computed. */
export interface DecisionInput {
  action: ActionView;
  digest: string;
  assessment: AssessmentView;
  decision: DecisionView;
  /** The action is known to only read (src/core/read-only.ts): a freeze lets it through. */
  readOnly?: boolean;
  agent?: z.output<typeof AgentView>;
}

const ReplyOutcome = z.enum(['allow', 'ask', 'deny', 'pending']);

const ApprovalEntry = z.object({
  approver: z.string(),
  at: z.number(),
  comment: z.string().optional(),
});

export const RequestView = z.object({
  id: z.string(),
  digest: z.string(),
  state: z.enum(REQUEST_STATES),
  requester: z.object({
    kind: z.enum(['agent', 'human']),
    name: z.string(),
    /** The token that asked (its identity id): the request belongs to it. */
    tokenId: z.string().optional(),
    actsFor: z.string().optional(),
  }),
  approvalsRequired: z.number(),
  approverGroup: z.string().optional(),
  /** Approvals that count: by a live token, one per person. */
  approvals: z.array(ApprovalEntry),
  /** Approvals that no longer count: their token was revoked while the request was open. */
  withdrawn: z.array(z.object({ approver: z.string(), at: z.number() })).optional(),
  action: ActionView,
  assessment: AssessmentView,
  decision: DecisionView,
  createdAt: z.number(),
  expiresAt: z.number(),
  approvedAt: z.number().optional(),
  decidedAt: z.number().optional(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
  consumedAt: z.number().optional(),
});
export type RequestView = z.infer<typeof RequestView>;

export const DecisionReply = z.object({
  outcome: ReplyOutcome,
  message: z.string(),
  requestId: z.string().optional(),
  state: z.enum(REQUEST_STATES).optional(),
  expiresAt: z.number().optional(),
  approvals: z.object({ required: z.number(), given: z.number(), group: z.string().optional() }).optional(),
});
export type DecisionReply = z.infer<typeof DecisionReply>;

/** What an action did once it ran, bound to the digest it was decided on. */
export const ExecutionBody = z.object({
  digest: Hex64,
  requestId: z
    .string()
    .regex(/^req_[0-9a-z]{6,40}$/)
    .optional(),
  exitCode: z.number().int().min(-1).max(255).optional(),
  signal: Text(32).optional(),
  durationMs: z.number().int().min(0).optional(),
  result: z.enum(['succeeded', 'failed', 'interrupted', 'unknown']).optional(),
  /** Whose credentials it ran with when not the requester's own (`broker:<entry>`, `interlock run`). */
  credentials: Text(100).optional(),
});
export type ExecutionInput = z.output<typeof ExecutionBody>;

export const ApproveBody = z.object({ comment: Text(2000).optional() });
export const DenyBody = z.object({
  reason: z.string().trim().min(1, 'say why (--reason "…"): the agent and the requester read it').max(2000),
});
export const CancelBody = z.object({ reason: Text(2000).optional() });
export const FreezeBody = z.object({ agent: IdentityName.optional(), reason: Text(2000).optional() });

export const VoteReply = z.object({
  counted: z.boolean(),
  message: z.string(),
  request: RequestView,
});
export type VoteReply = z.infer<typeof VoteReply>;

export const FreezeView = z.object({
  scope: z.string(),
  frozen: z.boolean(),
  at: z.number(),
  by: z.string(),
  reason: z.string(),
});
export type FreezeView = z.infer<typeof FreezeView>;

export const StatusReply = z.object({
  store: z.enum(['sqlite', 'postgres']),
  frozen: FreezeView.optional(),
  frozenAgents: z.array(FreezeView),
  pending: z.number(),
});
export type StatusReply = z.infer<typeof StatusReply>;

export const WhoamiReply = z.object({
  id: z.string(),
  kind: z.enum(['agent', 'human']),
  name: z.string(),
  groups: z.array(z.string()),
  actsFor: z.string().optional(),
});

export const RequestList = z.object({ requests: z.array(RequestView) });

export const ErrorReply = z.object({ error: z.string(), code: z.string().optional() });
