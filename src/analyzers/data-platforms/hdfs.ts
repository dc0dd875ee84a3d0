import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { serverHints } from '../databases/servers.js';

// HDFS: `hdfs dfs -rm -r -skipTrash /user/hive/warehouse/sales` (also `hadoop fs …`) deletes a directory
// tree, past the trash that would have kept it; `hdfs namenode -format` erases the file system's metadata.
// Both were unrecognised (allowed). `-rm -r` is high; with -skipTrash on a warehouse path (the tables of
// Hive, Spark and Impala live there) critical. Placed by the name node (`-fs hdfs://nn.prod:8020`, a path's
// `hdfs://` authority) and, weakly, by the path.

/** Hadoop's generic options, before the file-system command: they take a value. */
const GENERIC_VALUE = new Set(['-D', '-fs', '-conf', '-jt', '-files', '-libjars', '-archives']);

/** Where tables keep their data: deleting there past the trash deletes tables. */
const WAREHOUSE = /(^|\/)(warehouse|hive|apps\/hive|user\/hive|spark-warehouse|impala)(\/|$)|\.db(\/|$)/;

interface Found {
  operation: Operation;
  risk: Risk;
  what: string;
  /** Only what goes to the trash can come back. */
  reversible?: boolean;
}

/** The file-system command and its words: `hdfs dfs -rm -r P`, `hadoop fs -rm P`, `hdfs dfs -D k=v -rm P`. */
function fsCommand(inv: Invocation): { command: string; args: Word[]; fs?: string } | undefined {
  const [group, ...rest] = inv.args;
  const isFs = inv.name === 'hdfs' ? group?.value === 'dfs' : group?.value === 'fs' || group?.value === 'dfs';
  if (!isFs) return undefined;
  let fs: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const v = rest[i]!.value;
    if (GENERIC_VALUE.has(v)) {
      const value = rest[i + 1]?.value ?? '';
      if (v === '-fs') fs = value;
      else if (v === '-D' && /^fs\.default(FS|\.name)=/.test(value)) fs = value.slice(value.indexOf('=') + 1);
      i++;
      continue;
    }
    if (v.startsWith('-D') && v.length > 2) continue;
    return { command: v, args: rest.slice(i + 1), ...(fs ? { fs } : {}) };
  }
  return undefined;
}

function rm(flags: Set<string>, paths: string[]): Found {
  const recursive = flags.has('-r') || flags.has('-R');
  const skipTrash = flags.has('-skipTrash');
  const warehouse = paths.some((p) => WAREHOUSE.test(p.replace(/^hdfs:\/\/[^/]*/, '')));
  const where = skipTrash
    ? ', past the trash (-skipTrash): it cannot be restored'
    : ' (to the trash, when the trash is on)';
  const reversible = !skipTrash;
  if (recursive && skipTrash && warehouse)
    return {
      operation: 'delete',
      risk: 'critical',
      what: `deletes warehouse directories (tables' data)${where}`,
    };
  if (recursive)
    return { operation: 'delete', risk: 'high', what: `deletes the directory trees${where}`, reversible };
  return {
    operation: 'delete',
    risk: skipTrash ? 'high' : 'medium',
    what: `deletes the files${where}`,
    reversible,
  };
}

function dfs(inv: Invocation): Effect[] {
  const found = fsCommand(inv);
  if (!found) return [];
  const flags = new Set(found.args.filter((w) => w.value.startsWith('-')).map((w) => w.value));
  const paths = found.args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  let effect: Found | undefined;
  switch (found.command) {
    case '-rm':
      effect = rm(flags, paths);
      break;
    case '-rmr':
      effect = rm(new Set([...flags, '-r']), paths);
      break;
    case '-expunge':
      effect = {
        operation: 'delete',
        risk: 'medium',
        what: 'empties the trash: what was deleted before can no longer be restored',
      };
      break;
    case '-truncate':
      effect = {
        operation: 'delete',
        risk: 'high',
        what: 'cuts the files short, losing their data past that length',
      };
      break;
    case '-deleteSnapshot':
      effect = { operation: 'delete', risk: 'high', what: 'deletes the snapshot' };
      break;
    case '-put':
    case '-copyFromLocal':
    case '-cp':
      if (flags.has('-f'))
        effect = { operation: 'replace', risk: 'medium', what: 'overwrites the files that are there (-f)' };
      break;
  }
  if (!effect) return [];
  return [make(inv, `${inv.name} ${inv.args[0]!.value} ${found.command}`, effect, paths, found.fs)];
}

function make(inv: Invocation, tool: string, found: Found, paths: string[], fs?: string): Effect {
  const hosts = [fs, ...paths].flatMap((p) =>
    p && /^[a-z]+:\/\//i.test(p) ? serverHints('hdfs name node', p) : [],
  );
  const hints: EnvironmentHint[] = [
    ...hosts.filter((h) => !h.weak),
    ...paths.map((value) => ({ source: 'hdfs path', value, weak: true as const })),
  ];
  return {
    operation: found.operation,
    tool: inv.name,
    target: paths.join(' ') || tool,
    reversible: found.reversible ?? false,
    risk: found.risk,
    reason: `${tool} ${found.what}`,
    category: 'storage',
    ...(hints.length ? { hints } : {}),
  };
}

/** `hdfs namenode -format`: a new, empty file system in place of the old one's metadata. */
function format(inv: Invocation): Effect[] {
  const [role, ...rest] = inv.args.map((w) => w.value);
  if (inv.name !== 'hdfs' || role !== 'namenode' || !rest.includes('-format')) return [];
  return [
    make(
      inv,
      'hdfs namenode -format',
      {
        operation: 'delete',
        risk: 'critical',
        what: "erases the name node's metadata: every file in HDFS is lost",
      },
      [],
    ),
  ];
}

export function hdfs(inv: Invocation): Effect[] {
  return [...dfs(inv), ...format(inv)];
}
