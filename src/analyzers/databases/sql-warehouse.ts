import { effect, type SqlEffect } from './sql-ast.js';

// Statements of the warehouses' dialects (Hive, Spark, Impala, Snowflake, BigQuery, T-SQL) that the
// PostgreSQL grammar rejects, but whose first words say what they destroy: `DROP DATABASE sales CASCADE`,
// `DROP TABLE t PURGE`, `INSERT OVERWRITE TABLE t …`, `CREATE OR REPLACE TABLE t AS …`, `TRUNCATE TABLE t
// PARTITION (…)`. Read by their words they are what they say; anything else unparsed stays unknown (medium).

const snippet = (text: string) => text.replace(/\s+/g, ' ').slice(0, 80);

/** `words` are sqlWords' (upper-cased, literals and quoted names as placeholders). */
export function warehouseStatement(words: readonly string[], text: string): SqlEffect | undefined {
  const at = (w: string) => words.indexOf(w);
  const [first, second] = words;
  const what = `SQL: ${snippet(text)}`;
  if (first === 'DROP' && (second === 'DATABASE' || second === 'SCHEMA'))
    return effect(
      'delete',
      'critical',
      what,
      `${snippet(text)} drops the database and every table in it`,
      'database',
    );
  if (first === 'DROP' && (second === 'TABLE' || (second === 'EXTERNAL' && words[2] === 'TABLE')))
    return effect('delete', 'high', what, `${snippet(text)} destroys the table and its data`, 'table');
  if (first === 'TRUNCATE')
    return effect('delete', 'high', what, `${snippet(text)} deletes every row`, 'table');
  if (first === 'INSERT' && second === 'OVERWRITE')
    return effect(
      'replace',
      'high',
      what,
      'INSERT OVERWRITE replaces every row of the table (or partition)',
      'table',
    );
  const replace = at('REPLACE');
  if (first === 'CREATE' && second === 'OR' && replace === 2 && words.slice(3, 6).includes('TABLE'))
    return effect(
      'replace',
      'high',
      what,
      'CREATE OR REPLACE TABLE drops the table that is there, and its rows',
      'table',
    );
  if (first === 'ALTER' && second === 'TABLE' && at('DROP') > 0 && at('PARTITION') > at('DROP'))
    return effect('delete', 'high', what, `${snippet(text)} deletes the partition's data`, 'table');
  return undefined;
}
