import type { Analyzer } from './analyzer.js';
import type { SqlParser } from './sql-parser.js';

// Placeholder: the databases family is being written; it claims no commands yet.
export function databasesAnalyzer(_sql: SqlParser): Analyzer {
  return {
    family: 'databases',
    commands: [],
    local: false,
    environmentVariables: [],
    analyze() {
      return [];
    },
  };
}
