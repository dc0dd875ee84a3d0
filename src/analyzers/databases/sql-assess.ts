import { SqlParserNotLoadedError, type SqlParser } from '../sql-parser.js';
import { effect, unwrap, type Node, type SqlEffect } from './sql-ast.js';
import { metaCommand } from './sql-client.js';
import { schemaStatement } from './sql-ddl.js';
import { dataStatement } from './sql-dml.js';
import { droppingStatement } from './sql-drop.js';
import { warehouseStatement } from './sql-warehouse.js';
import { backticksToDoubleQuotes, splitSql, sqlWords, type Dialect } from './sql-text.js';
import { TransactionLedger, transactionStep, undoneByRollback } from './sql-transactions.js';

// What SQL does, read from the PostgreSQL parse tree (libpg-query). Statements the PostgreSQL grammar
// rejects are retried with MySQL backtick identifiers turned into double-quoted ones; if they still do not
// parse they are reported as unverifiable changes, never as harmless (except a few statements that can
// only read, recognised by their first keyword: SHOW, DESCRIBE, USE…).

export type { SqlEffect } from './sql-ast.js';

/** Effects of one parsed statement (`type` is its node name, e.g. DeleteStmt). */
function statement(type: string, stmt: Node): SqlEffect[] {
  return droppingStatement(type, stmt) ?? dataStatement(type, stmt, statement) ?? schemaStatement(type, stmt);
}

/** Statements the PostgreSQL grammar rejects but that, by their first keyword, can only read. */
function readOnlyByKeyword(words: string[]): boolean {
  const [first, second] = words;
  if (!first) return true;
  if (['SHOW', 'DESCRIBE', 'DESC', 'USE', 'HELP', 'STATUS'].includes(first)) return true;
  if (first === 'EXPLAIN') return second !== 'ANALYZE';
  if (first === 'SELECT' || first === 'WITH' || first === 'TABLE' || first === 'VALUES')
    return !words.some((w) => ['INTO', 'OUTFILE', 'DUMPFILE', 'DELETE', 'UPDATE', 'INSERT'].includes(w));
  if (first === 'PRAGMA')
    return !words.includes('=') && (!words.includes('(') || READ_PRAGMAS.has(words[1] ?? ''));
  return false;
}

/** SQLite pragmas that take an argument in parentheses and only report. */
const READ_PRAGMAS = new Set([
  'TABLE_INFO',
  'TABLE_XINFO',
  'TABLE_LIST',
  'INDEX_LIST',
  'INDEX_INFO',
  'INDEX_XINFO',
  'FOREIGN_KEY_LIST',
  'FOREIGN_KEY_CHECK',
  'INTEGRITY_CHECK',
  'QUICK_CHECK',
]);

/**
 * Statements the grammar rejects that can only add (CREATE TABLE … ENGINE=InnoDB, INSERT IGNORE, SQLite's
 * AUTOINCREMENT) or change a setting (PRAGMA journal_mode=WAL): low, not unknown. Anything that could
 * replace (OR REPLACE, REPLACE INTO) or that starts otherwise stays an unknown change.
 */
function additiveByKeyword(words: string[]): SqlEffect | undefined {
  const [first, second] = words;
  if (words.some((w) => ['REPLACE', 'DELETE', 'UPDATE', 'DROP', 'TRUNCATE', 'ALTER'].includes(w)))
    return undefined;
  if (first === 'CREATE' || first === 'INSERT')
    return effect(
      'create',
      'low',
      `SQL: ${first} ${second ?? ''}`.trim(),
      `${first} (not parsed: dialect-specific syntax)`,
      'database',
    );
  if (first === 'PRAGMA' && second !== 'WRITABLE_SCHEMA')
    return effect(
      'modify',
      'low',
      `PRAGMA ${second ?? ''}`.trim(),
      'PRAGMA changes a SQLite setting',
      'database',
    );
  return undefined;
}

function unparsed(text: string, dialect: Dialect, why: string): SqlEffect[] {
  const words = sqlWords(text, dialect);
  if (readOnlyByKeyword(words)) return [];
  const destroys = warehouseStatement(words, text);
  if (destroys) return [destroys];
  const additive = additiveByKeyword(words);
  if (additive) return [additive];
  const snippet = text.replace(/\s+/g, ' ').slice(0, 80);
  return [
    effect(
      'modify',
      'medium',
      `SQL: ${snippet}${text.length > 80 ? '…' : ''}`,
      `SQL that could not be parsed (${why}), so what it changes is unknown`,
      'database',
    ),
  ];
}

function tryParse(parser: SqlParser, text: string): { stmts: { stmt: Record<string, unknown> }[] } | string {
  try {
    return parser.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Effects of one SQL statement or script piece (already split by splitSql), into the script's ledger. */
function assessStatement(
  parser: SqlParser,
  text: string,
  dialect: Dialect,
  ledger: TransactionLedger<SqlEffect>,
): void {
  let tree = tryParse(parser, text);
  if (typeof tree === 'string' && text.includes('`')) {
    const retried = tryParse(parser, backticksToDoubleQuotes(text));
    if (typeof retried !== 'string') tree = retried;
  }
  if (typeof tree === 'string') return ledger.add(unparsed(text, dialect, tree), false);
  for (const s of tree.stmts) {
    const inner = unwrap(s.stmt);
    if (!inner) continue;
    ledger.step(transactionStep(inner[0], inner[1]));
    ledger.add(statement(inner[0], inner[1]), undoneByRollback(inner[0], inner[1]));
  }
}

/** Every effect of an SQL script, in order: one per destructive statement (per dropped object). */
export function assessSql(parser: SqlParser, text: string, dialect: Dialect): SqlEffect[] {
  if ('isLoaded' in parser && (parser as { isLoaded: unknown }).isLoaded === false)
    throw new SqlParserNotLoadedError();
  const ledger = new TransactionLedger<SqlEffect>();
  for (const piece of splitSql(text, dialect)) {
    if (piece.kind === 'meta') ledger.add(metaCommand(piece.text, dialect), false);
    else assessStatement(parser, piece.text, dialect, ledger);
  }
  return ledger.effects();
}
