import { writeCheckpoint } from '../audit/checkpoint.js';
import { readSigningKey } from '../audit/keys.js';
import { keyPaths } from '../audit/paths.js';
import { isoSeconds } from '../audit/time.js';
import { verifyAuditLog, type VerifyReport } from '../audit/verify.js';
import { isLocalLog, outsideEvidence, sendToConfiguredServer, witnessedIfAny } from './audit-outside.js';
import { configuredAudit, openForReading, trustFor, type StoreOptions } from './audit-store.js';
import { InputError } from '../core/errors.js';
import { reportError } from './errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

export interface VerifyCliOptions extends StoreOptions {
  from?: string;
  json?: boolean;
  allowNoWitness?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

function renderVerify(r: VerifyReport, keyringFile: string): string {
  const lines = [`Audit log ${r.location}`];
  const range = r.checked.entries ? `${n(r.checked.from)}–${n(r.checked.to)}` : 'none';
  const from =
    r.anchor.kind === 'checkpoint'
      ? `from the signed checkpoint at entry ${n(r.anchor.seq)}`
      : 'from the first entry';
  if (r.problem) {
    lines.push(`✘ BROKEN at entry ${n(r.problem.seq)} (${r.problem.kind}): ${r.problem.message}`);
    lines.push(
      r.checked.entries
        ? `  Entries ${range} verify (checked ${from}); nothing from entry ${n(r.problem.seq)} on can be trusted.`
        : '  No entry before it could be checked.',
    );
  } else
    lines.push(
      `✔ ${n(r.checked.entries)} entries verified (${range}) in ${(r.ms / 1000).toFixed(2)} s, ${from}${r.lastSeq > r.checked.to ? `; the log goes on to ${n(r.lastSeq)}` : ''}`,
    );
  if (r.signatures === 'verified')
    lines.push(
      `${r.problem ? ' ' : '✔'} ${n(r.checkpoints.total)} checkpoint(s), signatures checked against ${keyringFile}${r.checkpoints.newest ? `; newest at entry ${n(r.checkpoints.newest.seq)} (${isoSeconds(r.checkpoints.newest.at)}, key ${r.checkpoints.newest.keyId})` : ''}`,
    );
  if (!r.problem && r.unsigned > 0 && r.signatures !== 'no-checkpoints')
    lines.push(`  ${n(r.unsigned)} entries after the newest checkpoint are hash-chained, not yet signed`);
  for (const w of r.warnings) lines.push(`! ${w}`);
  return `${lines.join('\n')}\n`;
}

/** `interlock audit verify`: exit ok when the log verifies, failed when it is broken, usage on bad input. */
export async function runAuditVerify(options: VerifyCliOptions): Promise<number> {
  let from: number | undefined;
  if (options.from !== undefined) {
    if (!/^\d+$/.test(options.from) || Number(options.from) < 1)
      return reportError(
        'audit verify',
        new InputError(`--from ${options.from} is not an entry number (1 or more)`),
      );
    from = Number(options.from);
  }
  let log;
  try {
    log = await openForReading(options);
  } catch (error) {
    return reportError('audit verify', error);
  }
  try {
    const trust = trustFor(log, options);
    // A log kept on this machine is held against the approval server's copy of its checkpoints, and
    // may only be signed by keys it records; the server's own log has neither.
    const local = await isLocalLog(log, options);
    const outside = local ? await outsideEvidence(log, options) : await witnessedIfAny(log, options);
    const report = await verifyAuditLog(log, {
      ...(outside ? { outside } : {}),
      ...(local ? { recordedKeysOnly: true } : {}),
      ...(from ? { from } : {}),
      ...(trust.keyring ? { keyring: trust.keyring } : {}),
      keyringFile: trust.keyringFile,
      ...(trust.witness ? { witness: trust.witness } : {}),
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(report)}\n` : renderVerify(report, trust.keyringFile),
    );
    return report.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
  } catch (error) {
    return reportError('audit verify', error);
  } finally {
    await log.close();
  }
}

/** `interlock audit checkpoint`: sign the newest entry now. */
export async function runAuditCheckpoint(options: StoreOptions & { json?: boolean }): Promise<number> {
  let log;
  try {
    const paths = keyPaths(
      process.env,
      options.key ? { key: options.key } : {},
      configuredAudit(process.env),
    );
    const key = readSigningKey(paths.privateKey);
    log = await openForReading(options);
    const made = await writeCheckpoint(log, { key, witnessDir: paths.witnessDir });
    const witnessed = (await isLocalLog(log, options)) ? await sendToConfiguredServer(log) : undefined;
    if (options.json) process.stdout.write(`${JSON.stringify({ checkpoint: made ?? null })}\n`);
    else
      process.stdout.write(
        made
          ? `Signed a checkpoint at entry ${n(made.seq)} of ${log.location} with key ${made.keyId}${witnessed === 'sent' ? '; the approval server keeps a copy' : witnessed === 'failed' ? '; the approval server could not be reached (it is sent again with the next decision)' : ''}.\n`
          : `Nothing to sign: the newest entry of ${log.location} already has a checkpoint (or the log is empty).\n`,
      );
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError('audit checkpoint', error);
  } finally {
    await log?.close();
  }
}
