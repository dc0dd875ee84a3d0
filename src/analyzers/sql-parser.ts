/** A PostgreSQL-grammar SQL parser (libpg-query): SQL text in, the server's own parse tree out. */
export interface SqlParser {
  /** Returns the statements, or throws with the parser's message when the SQL does not parse. */
  parse(sql: string): { stmts: { stmt: Record<string, unknown> }[] };
}

/** SQL met before the parser was loaded: the caller loads it and assesses again (or fails closed). */
export class SqlParserNotLoadedError extends Error {
  constructor() {
    super('the SQL parser was not loaded before a command with SQL was assessed');
  }
}

let loaded: Promise<SqlParser> | undefined;

/** libpg-query is WebAssembly: load it once, then parse synchronously. */
export function loadSqlParser(): Promise<SqlParser> {
  loaded ??= (async () => {
    const pg = await import('libpg-query');
    await pg.loadModule();
    return {
      parse(sql: string) {
        return pg.parseSync(sql) as { stmts: { stmt: Record<string, unknown> }[] };
      },
    };
  })();
  return loaded;
}

/**
 * A SqlParser that loads on demand. Loading libpg-query costs far more than a hook call should, so the
 * runtime loads it only when a command may contain SQL (`ensureLoaded`); using it before that throws,
 * which the checker turns into a fail-closed decision, never a silent "harmless".
 */
export class LazySqlParser implements SqlParser {
  private real: SqlParser | undefined;

  async ensureLoaded(): Promise<void> {
    this.real ??= await loadSqlParser();
  }

  get isLoaded(): boolean {
    return this.real !== undefined;
  }

  parse(sql: string) {
    if (!this.real) throw new SqlParserNotLoadedError();
    return this.real.parse(sql);
  }
}

/** Programs whose arguments or stdin may carry SQL: seeing one of these words means load the SQL parser. */
const SQL_PROGRAMS =
  /(^|[^A-Za-z0-9_.-])(psql|mysql|mysqlsh|mariadb|sqlite3|sqlite|pgcli|mycli|cockroach|duckdb|clickhouse-client|clickhouse|cqlsh|snowsql|snow|bq|sqlcmd|wrangler|trino|presto|beeline|hive|impala-shell|spark-sql|usql|vsql|athena|redshift-data|rds-data|execute-sql)([^A-Za-z0-9_-]|$)/;

export function mayContainSql(command: string): boolean {
  return SQL_PROGRAMS.test(command);
}
