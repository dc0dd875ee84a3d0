import { unwrap, type Node } from './sql-ast.js';

// Rows changed inside a transaction that the same script rolls back are never kept:
// `BEGIN; DELETE FROM orders WHERE id = 7; ROLLBACK;` tries a statement and leaves the table as it was.
// Only data statements count as undone: MySQL commits before any DDL (and TRUNCATE), and some PostgreSQL
// DDL cannot run in a transaction at all, so a dropped table is never taken back here, and any other change
// ends the transaction for this reading (MySQL commits before DDL). A transaction the script leaves open,
// or one rolled back only to a savepoint, is treated as committed.

/** What a statement does to the script's transaction, by its parse-tree node. */
export type TransactionStep = 'begin' | 'commit' | 'rollback' | 'none';

export function transactionStep(type: string, stmt: Node): TransactionStep {
  if (type !== 'TransactionStmt') return 'none';
  switch (stmt.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START':
      return 'begin';
    case 'TRANS_STMT_ROLLBACK':
      return 'rollback';
    case 'TRANS_STMT_COMMIT':
    case 'TRANS_STMT_PREPARE':
      return 'commit';
    default:
      // savepoints and their partial rollbacks: what they undo is not followed
      return 'none';
  }
}

const DATA_STATEMENTS = new Set(['DeleteStmt', 'UpdateStmt', 'InsertStmt', 'MergeStmt', 'SelectStmt']);

/** Whether a rollback undoes this statement's changes: rows only (EXPLAIN ANALYZE of one included). */
export function undoneByRollback(type: string, stmt: Node): boolean {
  if (type === 'ExplainStmt') {
    const inner = unwrap(stmt.query);
    return inner !== undefined && DATA_STATEMENTS.has(inner[0]);
  }
  return DATA_STATEMENTS.has(type);
}

/**
 * Collects a script's effects in order, holding back those of data statements inside an open
 * transaction until it commits (kept) or rolls back (dropped).
 */
export class TransactionLedger<E> {
  private readonly kept: E[] = [];
  private pending: E[] | undefined;

  step(step: TransactionStep): void {
    if (step === 'begin') {
      this.flush();
      this.pending = [];
    } else if (step === 'commit') this.flush();
    else if (step === 'rollback') this.pending = undefined;
  }

  add(effects: readonly E[], undoable: boolean): void {
    if (undoable && this.pending) return void this.pending.push(...effects);
    // Anything else that changes something ends the transaction as far as this reading goes: MySQL
    // commits before DDL, so the rows changed before it stay changed.
    if (effects.length) this.flush();
    this.kept.push(...effects);
  }

  /** Every effect kept: an open transaction's are counted as committed. */
  effects(): E[] {
    this.flush();
    return this.kept;
  }

  private flush(): void {
    if (this.pending) this.kept.push(...this.pending);
    this.pending = undefined;
  }
}
