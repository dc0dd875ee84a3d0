import type { Analyzer } from './analyzer.js';

// Placeholder: the interpreters family is being written; it claims no commands yet.
export const interpretersAnalyzer: Analyzer = {
  family: 'interpreters',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
