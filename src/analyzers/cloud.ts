import type { Analyzer } from './analyzer.js';

// Placeholder: the cloud family is being written; it claims no commands yet.
export const cloudAnalyzer: Analyzer = {
  family: 'cloud',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
