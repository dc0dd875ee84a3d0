import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullRequestNumber, readInputs, type ActionInputs } from './action-inputs.js';
import { failsJob } from './fail-on.js';
import { upsertComment } from './github-comment.js';

// The GitHub Action (action.yml runs this): `interlock plan check --format markdown` on the plan, the
// markdown in the job summary and in one pull-request comment that each run updates, and the job failed
// on the decisions `fail-on` names. Its own errors fail the job too.

/** Hidden in the rendered comment; how the next run finds it. */
const COMMENT_MARKER = '<!-- agent-interlock:plan-check -->';
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

async function main(): Promise<number> {
  const inputs = readInputs(process.env);
  const checked = planCheck(inputs);
  process.stdout.write(checked.markdown);
  if (checked.stderr) process.stderr.write(checked.stderr);
  if (inputs.GITHUB_STEP_SUMMARY) appendFileSync(inputs.GITHUB_STEP_SUMMARY, `${checked.markdown}\n`);
  await comment(
    inputs,
    checked.markdown || `interlock plan check failed (exit ${checked.status}):\n\n${checked.stderr}`,
  );
  const fail = failsJob(checked.status, inputs.INTERLOCK_FAIL_ON);
  if (fail)
    process.stderr.write(
      `interlock: plan check exited ${checked.status}; fail-on is ${inputs.INTERLOCK_FAIL_ON}\n`,
    );
  return fail ? 1 : 0;
}

function planCheck(inputs: ActionInputs): { status: number | null; markdown: string; stderr: string } {
  const cwd = resolve(inputs.INTERLOCK_WORKING_DIRECTORY);
  const args = [
    CLI,
    'plan',
    'check',
    resolve(cwd, inputs.INTERLOCK_PLAN),
    '--format',
    'markdown',
    '--cwd',
    cwd,
  ];
  if (inputs.INTERLOCK_ENV) args.push('--env', inputs.INTERLOCK_ENV);
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: run.status, markdown: run.stdout, stderr: run.stderr };
}

async function comment(inputs: ActionInputs, markdown: string): Promise<void> {
  const pullRequest = pullRequestNumber(inputs.GITHUB_EVENT_PATH);
  if (inputs.INTERLOCK_COMMENT === 'false' || pullRequest === undefined) return;
  if (!inputs.GITHUB_TOKEN || !inputs.GITHUB_REPOSITORY)
    throw new Error(
      'interlock action: commenting needs `github-token` and GITHUB_REPOSITORY (or comment: false)',
    );
  const result = await upsertComment(
    {
      apiUrl: inputs.GITHUB_API_URL,
      token: inputs.GITHUB_TOKEN,
      repository: inputs.GITHUB_REPOSITORY,
      pullRequest,
      author: inputs.INTERLOCK_COMMENT_AUTHOR,
    },
    COMMENT_MARKER,
    `${COMMENT_MARKER}\n${markdown}`,
  );
  process.stdout.write(`\ninterlock: ${result.action} ${result.url}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
