import type { Analyzer } from './analyzer.js';

// Placeholder: the services family is being written; it claims no commands yet.
export const servicesAnalyzer: Analyzer = {
  family: 'services',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
