import type { Analyzer } from './analyzer.js';

// Placeholder: the iac family is being written; it claims no commands yet.
export const iacAnalyzer: Analyzer = {
  family: 'iac',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
