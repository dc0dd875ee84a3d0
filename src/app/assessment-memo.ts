import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellAssessment } from '../assess/shell.js';
import type { Placement } from '../core/place.js';
import { secretName } from '../core/secret-values.js';
import type { ActionFacts } from '../core/types.js';
import { keepNewest } from '../policy/verdict-memo.js';

// Shell assessments kept on disk between one-shot commands (`check`, `explain`), so that a command seen
// before is answered without loading the shell parser (tree-sitter's addon and grammar: ~10 ms of CPU in a
// process that lives ~150 ms). An assessment is a pure function of the command, the placement rules, the
// code that assesses (the build) and the facts it reads (core/types.ts ActionFacts: the directory, the
// variables, whether paths exist, files' digests, scripts, archives). Every fact an assessment read is kept
// with it, in the order it was read, as a digest of the answer; a remembered assessment is used only when
// each of those questions, asked again now, gets the same answer. The assessment is deterministic, so equal
// answers mean it would read and conclude exactly the same: the decision is then taken afresh (policies
// and principal are not part of the memo). The questions are asked again through the facts the caller
// gave, so what the caller records of them (the approval binding) is what a fresh assessment records.
// An assessment that read a saved plan is not kept. Like the verdict memo, the file is in the user's
// configuration and is read only outside system mode, where the agent's user could edit it.

/** 1: reads as [kind, ...question, answer digest]. */
const FORMAT = 1;
/** Past this size the file starts over. */
const MAX_BYTES = 1024 * 1024;
/** An assessment that asked more than this is not kept (re-asking would cost what it saves). */
const MAX_READS = 256;

/** One question an assessment asked of its facts, and the digest of the answer it got. */
type Read =
  | ['env', string, string]
  | ['keys', string]
  | ['exists', string, boolean]
  | ['fingerprint', string, number | null, string]
  | ['list', string, string]
  | ['script', string, string]
  | ['archive', string, string];

interface Entry {
  reads: Read[];
  assessment: ShellAssessment;
}

const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value) ?? 'undefined')
    .digest('hex')
    .slice(0, 32);

/** What names the memo file: the format, the build and the placement rules (patterns by their source). */
function scopeOf(build: string, placement: Placement): string {
  const rules = JSON.stringify(placement, (_, v: unknown) =>
    v instanceof RegExp ? `/${v.source}/${v.flags}` : v,
  );
  return createHash('sha256').update(`interlock assessment memo ${FORMAT}\n${build}\n${rules}`).digest('hex');
}

/** JSON with every character past ASCII escaped: the file stays ASCII, which Node reads fastest (latin1). */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The facts that are plain values (no question is asked of them), and the command: the entry's key. */
function keyOf(command: string, facts: ActionFacts): string {
  const { cwd, realCwd, home, host, terraformWorkspace, kubeContext } = facts;
  const abilities = [facts.pathExists, facts.files, facts.readScript, facts.listArchive, facts.readPlan].map(
    (f) => f !== undefined,
  );
  return digest([command, cwd, realCwd, home, host, terraformWorkspace, kubeContext, abilities]);
}

/** Ask `facts` the question `read` asked; the digest of the answer, in the form `read` keeps it. */
function askAgain(read: Read, facts: ActionFacts): Read | undefined {
  switch (read[0]) {
    case 'env':
      return ['env', read[1], digest(facts.env[read[1]] ?? null)];
    case 'keys':
      return ['keys', digest(Object.keys(facts.env).sort())];
    case 'exists':
      return facts.pathExists ? ['exists', read[1], facts.pathExists(read[1])] : undefined;
    case 'fingerprint':
      return facts.files
        ? ['fingerprint', read[1], read[2], digest(facts.files.fingerprint(read[1], read[2] ?? undefined))]
        : undefined;
    case 'list':
      return facts.files ? ['list', read[1], digest(facts.files.list(read[1]))] : undefined;
    case 'script':
      return facts.readScript ? ['script', read[1], digest(facts.readScript(read[1]))] : undefined;
    case 'archive':
      return facts.listArchive ? ['archive', read[1], digest(facts.listArchive(read[1]))] : undefined;
  }
}

/** Facts that note every question asked of them; `reads` is undefined once one cannot be kept. */
export interface RecordingFacts {
  facts: ActionFacts;
  reads(): Read[] | undefined;
}

/** The facts that answer questions, each recorded below; one not known here makes nothing keepable. */
const ASKED = new Set(['env', 'pathExists', 'files', 'readScript', 'readPlan', 'listArchive']);

export function recordingFacts(facts: ActionFacts): RecordingFacts {
  const reads: Read[] = [];
  let keepable = Object.entries(facts).every(
    ([name, value]) => ASKED.has(name) || (typeof value !== 'function' && typeof value !== 'object'),
  );
  // A secret's value is not kept, not even as a digest: an assessment that read one is not kept.
  const noteVariable = (name: string, value: unknown) => {
    if (secretName(name)) keepable = false;
    reads.push(['env', name, digest(value ?? null)]);
  };
  const env = new Proxy(facts.env, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof name === 'string') noteVariable(name, value);
      return value;
    },
    has(target, name) {
      if (typeof name === 'string') noteVariable(name, Reflect.get(target, name));
      return Reflect.has(target, name);
    },
    ownKeys(target) {
      reads.push(['keys', digest(Object.keys(target).sort())]);
      return Reflect.ownKeys(target);
    },
  });
  const recorded: ActionFacts = { ...facts, env };
  const { pathExists, files, readScript, listArchive, readPlan } = facts;
  if (pathExists)
    recorded.pathExists = (path) => {
      const answer = pathExists(path);
      reads.push(['exists', path, answer]);
      return answer;
    };
  if (files)
    recorded.files = {
      fingerprint(path, maxBytes) {
        const found = files.fingerprint(path, maxBytes);
        reads.push(['fingerprint', path, maxBytes ?? null, digest(found)]);
        return found;
      },
      list(dir) {
        const names = files.list(dir);
        reads.push(['list', dir, digest(names)]);
        return names;
      },
    };
  if (readScript)
    recorded.readScript = (path) => {
      const file = readScript(path);
      reads.push(['script', path, digest(file)]);
      return file;
    };
  if (listArchive)
    recorded.listArchive = (path) => {
      const listing = listArchive(path);
      reads.push(['archive', path, digest(listing)]);
      return listing;
    };
  if (readPlan)
    recorded.readPlan = (path, tool) => {
      keepable = false; // a saved plan is read asynchronously, after the assessment: not kept
      return readPlan(path, tool);
    };
  return { facts: recorded, reads: () => (keepable && reads.length <= MAX_READS ? reads : undefined) };
}

/** The remembered assessments of one build and one set of placement rules. */
export class AssessmentMemo {
  private readonly file: string;
  private text: string | undefined;

  constructor(
    private readonly dir: string,
    build: string,
    placement: Placement,
  ) {
    this.file = join(dir, `${scopeOf(build, placement)}.assessments.jsonl`);
  }

  /** The file's lines, read once; only the line of the command asked for is parsed. */
  private lines(): string {
    if (this.text === undefined) {
      this.text = '';
      try {
        if (statSync(this.file).size > MAX_BYTES) unlinkSync(this.file);
        else this.text = `\n${readFileSync(this.file, 'latin1')}`;
      } catch {
        // none yet
      }
    }
    return this.text;
  }

  /** The latest entry kept under `k` (later lines win), if its line is whole. */
  private entry(k: string): Entry | undefined {
    const text = this.lines();
    const at = text.lastIndexOf(`\n{"k":"${k}",`);
    if (at < 0) return undefined;
    const end = text.indexOf('\n', at + 1);
    try {
      const { r, a } = JSON.parse(text.slice(at + 1, end < 0 ? undefined : end)) as {
        r?: unknown;
        a?: unknown;
      };
      return Array.isArray(r) && a && typeof a === 'object'
        ? { reads: r as Read[], assessment: a as ShellAssessment }
        : undefined;
    } catch {
      return undefined; // a line cut short by a crash
    }
  }

  /**
   * The remembered assessment of `command`, when every fact it read answers the same now (asked through
   * `facts`, so the caller's recorder sees the same questions a fresh assessment would ask). A question
   * that fails now is a miss: the fresh assessment then meets the failure and fails closed as it does.
   */
  recall(command: string, facts: ActionFacts): ShellAssessment | undefined {
    const entry = this.entry(keyOf(command, facts));
    if (!entry) return undefined;
    try {
      for (const read of entry.reads) {
        const now = askAgain(read, facts);
        if (!now || JSON.stringify(now) !== JSON.stringify(read)) return undefined;
      }
    } catch {
      return undefined;
    }
    return entry.assessment;
  }

  /** Keep an assessment and the reads it made (not when they cannot be kept). Never throws. */
  remember(
    command: string,
    facts: ActionFacts,
    reads: Read[] | undefined,
    assessment: ShellAssessment,
  ): void {
    if (!reads) return;
    const line = `${asciiJson({ k: keyOf(command, facts), r: reads, a: assessment })}\n`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const first = this.lines() === '';
      // One write per line, appended: concurrent processes do not interleave within a line.
      appendFileSync(this.file, line, { mode: 0o600 });
      this.text = `${this.lines()}\n${line.slice(0, -1)}`;
      if (first) keepNewest(this.dir, '.assessments.jsonl');
    } catch {
      // a read-only home: assess again next time
    }
  }
}
