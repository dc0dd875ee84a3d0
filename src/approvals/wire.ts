import { z } from 'zod';
import { SENSITIVE_CATEGORIES } from '../analyzers/sensitive-files.js';
import { RISKS } from '../core/types.js';
import { nestingDepth } from './json-nesting.js';

// What an agent's side sends the approval server about one action: the action itself and the facts it
// was assessed with, never a verdict. The server assesses and decides again from exactly this, and the
// approval is bound to the digest of exactly this (src/approvals/facts-wire.ts, digest.ts), so what
// reviewers are shown and what a grant allows cannot differ.

const Text = (max: number) => z.string().max(max);
/** MCP tool arguments nested deeper than this are refused (see the mcp-call proposal). */
const MAX_ARGS_NESTING = 64;
const Path = Text(4096);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lower-case hex (64 characters)');

/** The largest plan a decision may carry (its JSON text). */
const MAX_PLAN_CHARS = 48 * 1024 * 1024;

const ScriptFileWire = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: Text(2 * 1024 * 1024) }),
  z.object({ kind: z.literal('missing') }),
  z.object({ kind: z.literal('binary'), head: Text(1024) }),
  z.object({ kind: z.literal('unreadable'), reason: Text(1000), head: Text(1024).optional() }),
]);

/** The most member names one archive's listing carries (the edge stops there too: truncated). */
const MAX_ARCHIVE_NAMES = 100_000;

const ArchiveListingWire = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('members'),
    names: z.array(Path).max(MAX_ARCHIVE_NAMES),
    truncated: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('missing') }),
  z.object({ kind: z.literal('unreadable'), reason: Text(1000) }),
]);

const Limited = <T extends z.ZodType>(value: T, max: number, what: string) =>
  z.record(Path, value).refine((r) => Object.keys(r).length <= max, `at most ${max} ${what}`);

/** The facts that placed an action, as the edge saw them (see src/approvals/facts-wire.ts). */
export const WireFacts = z.object({
  cwd: Path,
  realCwd: Path.optional(),
  home: Path,
  host: Text(255).optional(),
  terraformWorkspace: Text(255).optional(),
  kubeContext: Text(255).optional(),
  /** What the edge could read: the server reads (replays) only the same, so both assess alike. */
  reads: z
    .array(z.enum(['paths', 'files', 'scripts', 'plans', 'archives']))
    .max(5)
    .optional(),
  /** Variables the assessment read (null: not set) and those that choose where commands land. */
  env: Limited(Text(65_536).nullable(), 2048, 'variables'),
  /** Variables whose value is a secret: bound by the sha256 of their value, never sent. */
  secretEnv: Limited(Sha256, 2048, 'variables').optional(),
  /** Whether paths existed. */
  exists: Limited(z.boolean(), 8192, 'paths').optional(),
  /** What the files the command reads held: a digest, and the variables they name. */
  files: Limited(
    z.object({ digest: Text(5000), variables: z.array(Text(256)).max(256) }),
    4096,
    'files',
  ).optional(),
  /** Directory listings (for patterns such as `*.yaml`). */
  dirs: Limited(z.array(Text(4096)).max(10_000), 256, 'directories').optional(),
  /** The scripts, Makefiles and programs the command runs, as read. */
  scripts: Limited(ScriptFileWire, 256, 'scripts').optional(),
  /** The members of the archives an extraction writes, as listed (or why not). */
  archives: Limited(ArchiveListingWire, 64, 'archives').optional(),
  /** Saved plans an apply carries out: the file's sha256 and its JSON, or why it could not be read. */
  plans: Limited(
    z.union([
      z.object({ sha256: Sha256, text: z.string().max(MAX_PLAN_CHARS) }),
      z.object({ error: Text(4000) }),
    ]),
    16,
    'plans',
  ).optional(),
});
export type WireFacts = z.infer<typeof WireFacts>;

const FileChangeWire = z.object({
  path: Path,
  category: z.enum(SENSITIVE_CATEGORIES),
  risk: z.enum(RISKS),
  why: Text(1000),
  remote: z.boolean(),
  change: z.enum(['write', 'edit', 'delete']),
});

/** The action itself. */
export const WireProposal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shell'), command: z.string().min(1).max(100_000) }),
  z.object({
    kind: z.literal('plan'),
    file: Path,
    /** The plan's JSON (terraform show -json, or a change set description). */
    text: z.string().min(1).max(MAX_PLAN_CHARS),
    environment: Text(255).optional(),
    workspace: Text(255).optional(),
  }),
  z.object({
    kind: z.literal('file-write'),
    tool: Text(200),
    changes: z.array(FileChangeWire).min(1).max(1000),
  }),
  z.object({
    kind: z.literal('mcp-call'),
    call: z.object({
      server: Text(200).optional(),
      tool: Text(200),
      /** The server's command line, when Interlock's MCP proxy started it. */
      launch: z.array(Text(4096)).max(256).optional(),
      /** The argument names the tool's schema declares, as the server listed it to the proxy. */
      declares: z.array(Text(200)).max(1000).optional(),
      // The digest and the audit entry walk the arguments recursively: a 10,000-deep array overflowed the
      // stack (found by the fuzzer). No tool's arguments nest anywhere near this.
      args: z.unknown().refine((args) => nestingDepth(args, MAX_ARGS_NESTING) <= MAX_ARGS_NESTING, {
        message: `nest deeper than ${MAX_ARGS_NESTING} levels of arrays and objects: send the tool's arguments as they are, not wrapped`,
      }),
    }),
  }),
]);
export type WireProposal = z.infer<typeof WireProposal>;
