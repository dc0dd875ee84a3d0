import { optionValue, parseOptions, type OptionSpec } from '../shell/options.js';
import { word } from '../shell/words.js';
import type { Analyzer } from './analyzer.js';
import { redirectEffects } from './redirects.js';

// Database dumps only read the database; the file they write is judged as `> FILE` would be (redirects.ts).
// `pg_dump -Fc -f /backups/shop.dump` on a production host was unverifiable there (the option that writes
// made it more than a look, and nothing judged the file), while `pg_dump > /backups/shop.sql` was allowed.

/** `backups/orders.dump`, `/var/backups/pg/x.sql`, `~/dumps/$(date +%F).sql`. */
const BACKUP_DIRECTORY = /(^|\/)(backups?|dumps?|snapshots?)\//i;

interface DumpTool {
  spec: OptionSpec;
  /** The options that name the output file. */
  file: readonly string[];
}

const PG_VALUES = ['-d', '--dbname', '-h', '--host', '-p', '--port', '-U', '--username', '-F', '--format'];
const PG_DUMP: DumpTool = {
  spec: {
    withValue: [
      ...PG_VALUES,
      '-f',
      '--file',
      '-j',
      '--jobs',
      '-n',
      '--schema',
      '-N',
      '--exclude-schema',
      '-t',
      '--table',
      '-T',
      '--exclude-table',
      '-Z',
      '--compress',
      '-E',
      '--encoding',
      '-S',
      '--superuser',
      '--role',
      '-l',
      '--database',
    ],
  },
  file: ['-f', '--file'],
};

const MYSQLDUMP: DumpTool = {
  spec: {
    withValue: [
      '-h',
      '--host',
      '-u',
      '--user',
      '-P',
      '--port',
      '-S',
      '--socket',
      '-r',
      '--result-file',
      '--where',
      '-w',
      '--ignore-table',
      '--default-character-set',
      '--protocol',
    ],
  },
  file: ['-r', '--result-file'],
};

const MONGODUMP: DumpTool = {
  spec: { withValue: ['--uri', '-h', '--host', '-d', '--db', '-c', '--collection', '-q', '--query'] },
  file: ['--archive'],
};

const TOOLS: Record<string, DumpTool> = {
  pg_dump: PG_DUMP,
  pg_dumpall: PG_DUMP,
  mysqldump: MYSQLDUMP,
  mariadb_dump: MYSQLDUMP,
  'mariadb-dump': MYSQLDUMP,
  mongodump: MONGODUMP,
};

export const dumpFilesAnalyzer: Analyzer = {
  family: 'dump-files',
  commands: Object.keys(TOOLS),
  local: true,
  environmentVariables: [],
  analyze(inv) {
    const tool = TOOLS[inv.name];
    if (!tool) return [];
    // `-f -` and mongodump's bare `--archive` write to stdout, which a redirect of their own judges.
    const file = optionValue(parseOptions(inv.args, tool.spec), ...tool.file);
    if (file === undefined || file === '' || file === '-') return [];
    // A dump into a directory kept for dumps is the backup being made, whatever file it replaces there.
    if (BACKUP_DIRECTORY.test(file)) return [];
    const dynamic = inv.args.some((w) => w.dynamic && w.value === file);
    return redirectEffects({ operator: '>', target: word(file, dynamic) }, inv.facts, inv.remote, inv.name);
  },
};
