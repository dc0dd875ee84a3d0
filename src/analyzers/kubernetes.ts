import type { Analyzer } from './analyzer.js';

// Placeholder: the kubernetes family is being written; it claims no commands yet.
export const kubernetesAnalyzer: Analyzer = {
  family: 'kubernetes',
  commands: [],
  local: false,
  environmentVariables: [],
  analyze() {
    return [];
  },
};
