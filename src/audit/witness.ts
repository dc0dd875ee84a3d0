import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Checkpoint } from './side-tables.js';

// The witness: the latest checkpoint this machine signed for a log, written to a file next to the signing
// key. Someone who can rewrite the database can delete the last entries and the checkpoints that vouch
// for them together; they cannot reach this file, and verification compares the log with it.

const WitnessFile = z.object({
  location: z.string(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number(),
  keyId: z.string(),
  signature: z.string(),
});
export type Witness = z.infer<typeof WitnessFile>;

function witnessFile(witnessDir: string, location: string): string {
  return join(witnessDir, `${createHash('sha256').update(location).digest('hex').slice(0, 16)}.json`);
}

export function writeWitness(witnessDir: string, location: string, checkpoint: Checkpoint): void {
  mkdirSync(witnessDir, { recursive: true, mode: 0o700 });
  const file = witnessFile(witnessDir, location);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ location, ...checkpoint } satisfies Witness, null, 2)}\n`, {
    mode: 0o600,
  });
  renameSync(tmp, file);
}

/** The witness of this log, undefined when there is none; an Error when the file is there but damaged. */
export function readWitness(witnessDir: string, location: string): Witness | Error | undefined {
  const file = witnessFile(witnessDir, location);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return new Error(`cannot read the witness file ${file}: ${(error as Error).message}`);
  }
  try {
    const parsed = WitnessFile.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    return new Error(
      `the witness file ${file} is damaged: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
    );
  } catch (error) {
    return new Error(`the witness file ${file} is not JSON: ${(error as Error).message}`);
  }
}
