/** A PostgreSQL-grammar SQL parser (libpg-query): SQL text in, the server's own parse tree out. */
export interface SqlParser {
  /** Returns the statements, or throws with the parser's message when the SQL does not parse. */
  parse(sql: string): { stmts: { stmt: Record<string, unknown> }[] };
}

let loaded: Promise<SqlParser> | undefined;

/** libpg-query is WebAssembly: load it once, lazily, then parse synchronously. */
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
