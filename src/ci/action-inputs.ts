import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FAIL_ON } from './fail-on.js';

// The GitHub Action's inputs and context, from the environment action.yml sets (INTERLOCK_*) and the one
// the runner gives every step (GITHUB_*), validated once. The pull request's number comes from the event
// file the runner writes, not from anything the pull request's code can set.

const Inputs = z.object({
  INTERLOCK_PLAN: z.string().min(1, 'the `plan` input is required: a plan JSON, binary plan or change set'),
  INTERLOCK_WORKING_DIRECTORY: z.string().min(1).default('.'),
  INTERLOCK_ENV: z.string().optional(),
  INTERLOCK_FAIL_ON: z.enum(FAIL_ON).default('require-approval'),
  INTERLOCK_COMMENT: z.enum(['true', 'false']).default('true'),
  INTERLOCK_COMMENT_AUTHOR: z.string().min(1).default('github-actions[bot]'),
  GITHUB_TOKEN: z.string().optional(),
  GITHUB_API_URL: z.string().url().default('https://api.github.com'),
  GITHUB_REPOSITORY: z
    .string()
    .regex(/^[^/\s]+\/[^/\s]+$/)
    .optional(),
  GITHUB_EVENT_PATH: z.string().optional(),
  GITHUB_STEP_SUMMARY: z.string().optional(),
});
export type ActionInputs = z.infer<typeof Inputs>;

const PullRequestEvent = z.object({ pull_request: z.object({ number: z.number().int().positive() }) });

/** The inputs, or an error that names the input that is wrong. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const blankIsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Inputs.safeParse(blankIsUnset);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`interlock action: bad input (${problems})`);
}

/** The pull request this run is for, or undefined for a push or a schedule. */
export function pullRequestNumber(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  const event = PullRequestEvent.safeParse(JSON.parse(readFileSync(eventPath, 'utf8')));
  return event.success ? event.data.pull_request.number : undefined;
}
