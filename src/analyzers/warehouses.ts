import type { Analyzer } from './analyzer.js';
import { bq } from './databases/bq.js';
import { cockroach, snow } from './databases/platform-sql.js';
import type { SqlParser } from './sql-parser.js';

// CLIs of data platforms whose SQL is one subcommand among many: `bq query`/`bq rm`, `snow sql`,
// `cockroach sql`. Their SQL goes through the SQL assessment; a query that only reads is a read effect,
// so it is known to only read; their other subcommands are not known here (partial).
export function warehousesAnalyzer(sql: SqlParser): Analyzer {
  return {
    family: 'warehouses',
    commands: ['bq', 'snow', 'cockroach'],
    local: false,
    // Each reads its own variables, and only when no flag says where (as the cloud CLIs do).
    environmentVariables: [],
    partial: true,
    analyze(inv) {
      switch (inv.name) {
        case 'bq':
          return bq(inv, sql);
        case 'snow':
          return snow(inv, sql);
        case 'cockroach':
          return cockroach(inv, sql);
      }
      return [];
    },
  };
}
