import type { Analyzer } from './analyzer.js';

// Placeholder: the git family is being written; it claims no commands yet.
export const gitAnalyzer: Analyzer = {
  family: 'git',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
