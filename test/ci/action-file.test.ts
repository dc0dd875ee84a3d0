import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// action.yml, checked without GitHub: it runs the entry point the build makes, and passes it every
// input under the names src/ci/action-inputs.ts reads.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface ActionFile {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: { run?: string; env?: Record<string, string> }[] };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
  const step = action.runs.steps.find((s) => s.run?.includes('github-action.js'))!;

  it('runs the built entry point with every input', () => {
    expect(action.runs.using).toBe('composite');
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/dist/ci/github-action.js"');
    expect(existsSync(join(ROOT, 'src/ci/github-action.ts'))).toBe(true);
    const passed = Object.values(step.env ?? {}).map((v) => /inputs\.([\w-]+)/.exec(v)?.[1]);
    expect(passed.sort()).toEqual(Object.keys(action.inputs).sort());
    expect(action.inputs.plan?.required).toBe(true);
    expect(action.inputs['fail-on']?.default).toBe('require-approval');
  });

  it('names only variables the entry point reads', () => {
    const read = readFileSync(join(ROOT, 'src/ci/action-inputs.ts'), 'utf8');
    for (const name of Object.keys(step.env ?? {})) expect(read).toContain(`${name}:`);
  });
});
