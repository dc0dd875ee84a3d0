import { z } from 'zod';

// One pull-request comment per marker, kept up to date through the GitHub REST API: the first run creates
// it, later runs edit it, so a pull request does not collect one comment per push. A comment is ours only
// when it carries the marker AND was written by the expected author: anyone can paste the marker into a
// comment of their own, and what others write is input, never a place for our verdict.

export interface CommentTarget {
  /** `GITHUB_API_URL`: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
  token: string;
  /** owner/name */
  repository: string;
  pullRequest: number;
  /** The login the action posts as: github-actions[bot] for GITHUB_TOKEN. */
  author: string;
}

export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

const Comment = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  html_url: z.string(),
  user: z.object({ login: z.string() }).nullish(),
});
const Comments = z.array(Comment);
const PAGE_SIZE = 100;
/** A pull request with more comments than this is searched no further; a new comment is posted. */
const MAX_PAGES = 20;

/** Post `body` (which must contain `marker`) as the pull request's comment, or update the one already there. */
export async function upsertComment(
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<CommentResult> {
  if (!body.includes(marker))
    throw new Error('the comment body must carry its marker, or the next run cannot find it');
  const previous = await findComment(target, marker);
  const base = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}/issues`;
  const saved = previous
    ? await call(target, 'PATCH', `${base}/comments/${previous.id}`, { body })
    : await call(target, 'POST', `${base}/${target.pullRequest}/comments`, { body });
  const comment = Comment.parse(saved);
  return { action: previous ? 'updated' : 'created', id: comment.id, url: comment.html_url };
}

async function findComment(
  target: CommentTarget,
  marker: string,
): Promise<z.infer<typeof Comment> | undefined> {
  const base = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}/issues/${target.pullRequest}/comments`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = Comments.parse(await call(target, 'GET', `${base}?per_page=${PAGE_SIZE}&page=${page}`));
    const ours = comments.find((c) => c.user?.login === target.author && (c.body ?? '').includes(marker));
    if (ours) return ours;
    if (comments.length < PAGE_SIZE) return undefined;
  }
  return undefined;
}

async function call(target: CommentTarget, method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${target.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'agent-interlock',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 300);
    throw new Error(
      `GitHub API ${method} ${new URL(url).pathname} answered ${response.status}: ${detail}. ` +
        'Give the workflow `permissions: pull-requests: write` and pass `github-token`.',
    );
  }
  return response.json();
}
