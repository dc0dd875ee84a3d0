// The edge of plan analysis: read a plan file, hash it, turn a binary Terraform plan into JSON with
// `terraform show -json` (or `tofu`), decode JSON saved as UTF-8 or UTF-16, and hand the parsed document to
// the right parser.

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { looksLikeChangeSet, parseChangeSet } from './cloudformation.js';
import { looksLikeTerraform, parseTerraformPlan } from './terraform.js';
import type { ParsedPlan } from './types.js';

/** V8 cannot hold a longer string; a plan this large cannot be parsed as one document. */
const MAX_JSON_BYTES = 512 * 1024 * 1024 - 64;

export type PlanTool = 'terraform' | 'tofu';

export interface LoadOptions {
  /** Directory to run `terraform show` in (the initialized working directory of the plan). */
  cwd?: string;
  /** Which program converts a binary plan; the other one is tried when this one is missing or fails. */
  tool?: PlanTool;
  /** Environment for the converter (default: this process's). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Runs the converter; tests replace it. */
  run?: Runner;
}

export interface LoadedPlan {
  path: string;
  /** SHA-256 of the file's bytes, hex: approvals bind to exactly this file. */
  sha256: string;
  bytes: number;
  /** The program that converted a binary plan to JSON, if one did. */
  convertedBy?: PlanTool;
  /** The JSON text that was parsed (what `terraform show -json` printed for a binary plan). */
  text: string;
  plan: ParsedPlan;
}

export type Runner = (
  program: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
) => Promise<{ code: number | null; stdout: Buffer; stderr: string; missing?: boolean }>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A binary Terraform plan (a zip file), which only `terraform show` reads. */
export function isBinaryPlan(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** UTF-16 text of a plan file; an odd number of bytes is a file cut short. */
function utf16(bytes: Buffer, order: 'LE' | 'BE', label: string): string {
  if (bytes.length % 2)
    throw new InputError(
      `${label} is UTF-16 ${order} text with an odd number of bytes: the file is cut short or not UTF-16`,
    );
  return (order === 'LE' ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
}

/**
 * The text of a JSON plan file. UTF-8 with or without a byte order mark, and UTF-16 LE or BE: Windows
 * PowerShell 5.1 writes `terraform show -json plan.out > plan.json` as UTF-16 LE with a BOM. Without a BOM,
 * UTF-16 is told by where the NUL bytes of the first two characters fall: a JSON text starts with ASCII
 * characters, and UTF-8 JSON never holds a NUL byte (RFC 4627 section 3).
 */
function decodePlanBytes(bytes: Buffer, label: string): string {
  const [b0, b1, b2, b3] = bytes;
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  )
    throw new InputError(`${label} is UTF-32 text; save it as UTF-8 (or UTF-16) and check that file`);
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return bytes.toString('utf8', 3);
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'LE', label);
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'BE', label);
  if (bytes.length >= 4) {
    if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return utf16(bytes, 'LE', label);
    if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return utf16(bytes, 'BE', label);
  }
  return bytes.toString('utf8');
}

/** Parse JSON text of a plan or change set and hand it to the right parser. */
export function parsePlanText(text: string, label: string): ParsedPlan {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = /\S/.exec(body.slice(0, 4096))?.[0];
  if (start !== '{' && start !== '[') {
    const human =
      /Terraform (will perform|used the selected providers)|OpenTofu (will perform|used the selected)/.test(
        body.slice(0, 4096),
      );
    throw new InputError(
      human
        ? `${label} is the human-readable plan output; save the plan with \`terraform plan -out plan.out\` and pass plan.out or \`terraform show -json plan.out\``
        : `${label} is not JSON and not a binary Terraform plan`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    throw new InputError(
      `${label} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parsePlanDocument(doc, label);
}

export function parsePlanDocument(doc: unknown, label: string): ParsedPlan {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(
      `${label}: expected a JSON object (terraform show -json, or aws cloudformation describe-change-set), found ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}`,
    );
  }
  const record = doc as Record<string, unknown>;
  if (looksLikeTerraform(record)) return parseTerraformPlan(doc, label);
  if (looksLikeChangeSet(record)) return parseChangeSet(doc, label);
  if ('format_version' in record) return parseTerraformPlan(doc, label);
  if ('Changes' in record) return parseChangeSet(doc, label);
  throw new InputError(
    `${label} is neither Terraform plan JSON (no "format_version") nor a CloudFormation change set (no "Changes")`,
  );
}

// node:child_process is imported only to run `terraform show`: it loads net and dgram, which a one-shot
// command reading plan JSON never needs.
const spawnRunner: Runner = async (program, args, options) => {
  const { spawn } = await import('node:child_process');
  return new Promise((resolveRun) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Our own timer, not spawn's `timeout`: that one is cleared on 'exit', which a program that is not
    // installed never emits, so a plan check with neither terraform nor tofu kept the process alive 120 s.
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 4000) err += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolveRun({
        code: null,
        stdout: Buffer.alloc(0),
        stderr: error.message,
        missing: error.code === 'ENOENT',
      });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({
        code,
        stdout: Buffer.concat(out),
        stderr: signal ? `${err}\nstopped by ${signal} (timeout?)` : err,
      });
    });
  });
};

function converterEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  // Extra arguments from the environment must not change what `show` prints.
  delete clean.TF_CLI_ARGS;
  delete clean.TF_CLI_ARGS_show;
  return clean;
}

// eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

function firstLines(text: string): string {
  const lines = text
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .map((l) => l.replace(/^[\u2502\u2577\u2575\s]+/, '').trim())
    .filter(Boolean);
  return lines.slice(0, 3).join(' ');
}

/** `terraform show -json PLAN` (or tofu): the JSON text of a binary plan file. */
async function convertBinaryPlan(
  path: string,
  options: LoadOptions = {},
): Promise<{ text: string; tool: PlanTool }> {
  const first: PlanTool = options.tool ?? 'terraform';
  const order: PlanTool[] = first === 'terraform' ? ['terraform', 'tofu'] : ['tofu', 'terraform'];
  const run = options.run ?? spawnRunner;
  const failures: string[] = [];
  let missing = 0;
  for (const tool of order) {
    const result = await run(tool, ['show', '-no-color', '-json', path], {
      cwd: options.cwd ?? process.cwd(),
      env: converterEnv(options.env ?? process.env),
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (result.missing) {
      missing++;
      continue;
    }
    if (result.code === 0 && result.stdout.length) {
      if (result.stdout.length > MAX_JSON_BYTES)
        throw new InputError(`${basename(path)}: \`${tool} show -json\` printed more than 512 MiB`);
      return { text: result.stdout.toString('utf8'), tool };
    }
    failures.push(`\`${tool} show -json\` failed: ${firstLines(result.stderr) || `exit ${result.code}`}`);
  }
  if (missing === order.length) {
    throw new InputError(
      `${basename(path)} is a binary Terraform plan; reading it needs \`terraform\` or \`tofu\` on PATH and neither is installed. Run \`terraform show -json ${basename(path)} > plan.json\` where it is, and check plan.json`,
    );
  }
  throw new InputError(
    `${basename(path)} is a binary Terraform plan that could not be read: ${failures.join('; ')}. Run it in the directory where the plan was made (after \`terraform init\`), or pass \`terraform show -json\` output`,
  );
}

/** Read a plan file (JSON, or a binary Terraform plan converted with terraform/tofu), hash and parse it. */
export async function loadPlanFile(file: string, options: LoadOptions = {}): Promise<LoadedPlan> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file} is a directory, not a plan file`
          : `${file}: cannot read it (${code ?? String(error)})`,
    );
  }
  return planFromBytes(file, bytes, options);
}

/**
 * A plan file's bytes, read already (by the caller of the daemon: cli-served.ts), hashed and parsed as
 * loadPlanFile does; `file` names it as the command line did, resolved from `options.cwd`.
 */
export async function planFromBytes(
  file: string,
  bytes: Buffer,
  options: LoadOptions = {},
): Promise<LoadedPlan> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const label = basename(file);
  if (bytes.length === 0) throw new InputError(`${label} is empty`);
  if (isBinaryPlan(bytes)) {
    // `terraform show` reads a private copy of the bytes that were hashed: the file cannot change between
    // the hash an approval binds to and what is assessed.
    const dir = await mkdtemp(join(tmpdir(), 'interlock-plan-'));
    try {
      const copy = join(dir, label);
      await writeFile(copy, bytes, { mode: 0o600 });
      const { text, tool } = await convertBinaryPlan(copy, options);
      return { path, sha256, bytes: bytes.length, convertedBy: tool, text, plan: parsePlanText(text, label) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (bytes.length > MAX_JSON_BYTES)
    throw new InputError(`${label} is larger than 512 MiB; it cannot be read as JSON`);
  const text = decodePlanBytes(bytes, label);
  return { path, sha256, bytes: bytes.length, text, plan: parsePlanText(text, label) };
}
