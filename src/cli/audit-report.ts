import { writeFileSync } from 'node:fs';
import { reportBlocks } from '../audit/report/content.js';
import { toHtml } from '../audit/report/html.js';
import { toMarkdown } from '../audit/report/markdown.js';
import { buildIncidentReport } from '../audit/report/model.js';
import { parseTime } from '../audit/time.js';
import { openForReading, quietOnClosedPipe, trustFor, type StoreOptions } from './audit-store.js';
import { InputError } from '../core/errors.js';
import { reportError } from './errors.js';
import { EXIT_CODES } from '../core/exit-codes.js';

export interface ReportCliOptions extends StoreOptions {
  since?: string;
  until?: string;
  env?: string;
  title?: string;
  out?: string;
  html?: string;
}

/** `interlock report incident`: Markdown on stdout or in --out (with an HTML copy), or HTML in --html. */
export async function runIncidentReport(options: ReportCliOptions): Promise<number> {
  quietOnClosedPipe();
  let since: number;
  let until: number;
  const now = Date.now();
  try {
    if (!options.since)
      throw new InputError(
        '--since is required: the start of the incident window (e.g. --since 2025-03-01T14:00Z, or --since 6h)',
      );
    since = parseTime(options.since, now, '--since');
    until = options.until ? parseTime(options.until, now, '--until') : now;
    if (since > until)
      throw new InputError(`--since ${options.since} is after --until ${options.until ?? 'now'}`);
    if (options.env && !['production', 'non-production', 'unknown'].includes(options.env))
      throw new InputError(`--env ${options.env}: use production, non-production or unknown`);
  } catch (error) {
    return reportError('report incident', error);
  }
  let log;
  try {
    log = await openForReading(options);
  } catch (error) {
    return reportError('report incident', error);
  }
  try {
    const trust = trustFor(log, options);
    const report = await buildIncidentReport(log, {
      since,
      until,
      ...(options.env ? { environment: options.env } : {}),
      ...(options.title ? { title: options.title } : {}),
      verify: {
        ...(trust.keyring ? { keyring: trust.keyring } : {}),
        keyringFile: trust.keyringFile,
        ...(trust.witness ? { witness: trust.witness } : {}),
      },
      now,
    });
    const blocks = reportBlocks(report);
    const markdown = toMarkdown(blocks);
    const htmlFile =
      options.html ?? (options.out ? `${options.out.replace(/\.(md|markdown)$/i, '')}.html` : undefined);
    const written: string[] = [];
    if (options.out) {
      writeReport(options.out, markdown);
      written.push(options.out);
    } else if (!options.html) process.stdout.write(markdown);
    if (htmlFile) {
      writeReport(htmlFile, toHtml(report.title, blocks));
      written.push(htmlFile);
    }
    const verdict = report.verification.ok
      ? 'the log segment verifies'
      : `the log segment does NOT verify (entry ${report.verification.problem?.seq})`;
    process.stderr.write(
      `interlock report incident: ${report.actions.length} action(s), ${report.controls.length} control event(s); ${verdict}${written.length ? `; wrote ${written.join(' and ')}` : ''}\n`,
    );
    return report.verification.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
  } catch (error) {
    return reportError('report incident', error);
  } finally {
    await log.close();
  }
}

/** Write --out or --html; a path that cannot be written is the user's to fix (exit 2). */
function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'its directory does not exist'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'it is not writable'
            : undefined;
    if (!why) throw error;
    throw new InputError(`cannot write ${file}: ${why}; pass --out or --html a file in a writable directory`);
  }
}
