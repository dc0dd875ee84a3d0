import type { Analyzer } from './analyzer.js';
import { gh } from './forges/gh.js';
import { glab } from './forges/glab.js';

/**
 * Code forges' CLIs: GitHub's gh and GitLab's glab. They act on the forge (remote): deleting repositories,
 * releases, secrets and keys; `gh api`/`glab api` by their method and endpoint, as the http family does.
 */
export const forgesAnalyzer: Analyzer = {
  family: 'forges',
  commands: ['gh', 'glab'],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    return inv.name === 'gh' ? gh(inv) : glab(inv);
  },
};
