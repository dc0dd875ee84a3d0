import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertComment } from '../../src/ci/github-comment.js';

// The GitHub Action's entry point (dist/ci/github-action.js) run as the runner runs it, against a real
// HTTP server standing in for api.github.com (GITHUB_API_URL), which keeps a pull request's comments.

const ACTION = fileURLToPath(new URL('../../dist/ci/github-action.js', import.meta.url));
const PLANS = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));
const MARKER = '<!-- agent-interlock:plan-check -->';
const TOKEN = 'ghs_test_token';

interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

const comments: StoredComment[] = [];
const requests: string[] = [];
let server: Server;
let apiUrl: string;
const tmp = mkdtempSync(join(tmpdir(), 'interlock-action-'));

async function bodyOf(req: IncomingMessage): Promise<{ body: string }> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as { body: string };
}

/** Just enough of the issues comments API: list, create, edit; the token is required. */
function fakeGitHub(): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
      if (req.method === 'GET' && url.pathname === '/repos/acme/infra/issues/7/comments') {
        const page = Number(url.searchParams.get('page'));
        const size = Number(url.searchParams.get('per_page'));
        return send(200, comments.slice((page - 1) * size, page * size));
      }
      if (req.method === 'POST' && url.pathname === '/repos/acme/infra/issues/7/comments') {
        const id = 1000 + comments.length;
        const comment = {
          id,
          body: (await bodyOf(req)).body,
          user: { login: 'github-actions[bot]' },
          html_url: `https://github.test/c/${id}`,
        };
        comments.push(comment);
        return send(201, comment);
      }
      const edit = /^\/repos\/acme\/infra\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const existing = comments.find((c) => c.id === Number(edit?.[1]));
      if (req.method === 'PATCH' && existing) {
        existing.body = (await bodyOf(req)).body;
        return send(200, existing);
      }
      send(404, { message: 'Not Found' });
    })();
  });
}

function runAction(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const event = join(tmp, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ACTION],
      {
        cwd: tmp,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: tmp,
          XDG_STATE_HOME: join(tmp, 'state'),
          NO_COLOR: '1',
          GITHUB_API_URL: apiUrl,
          GITHUB_REPOSITORY: 'acme/infra',
          GITHUB_EVENT_PATH: event,
          GITHUB_TOKEN: TOKEN,
          GITHUB_STEP_SUMMARY: join(tmp, 'summary.md'),
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  server = fakeGitHub();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the GitHub Action', () => {
  it('posts one comment, updates it on the next run, and fails the job on require-approval', async () => {
    // Someone else's comment that quotes the marker is not ours to edit.
    comments.push({ id: 1, body: `${MARKER} looks fine to me`, user: { login: 'mallory' }, html_url: 'x' });
    const staging = await runAction({ INTERLOCK_PLAN: join(PLANS, 'terraform-aws-staging.json') });
    const first = comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(first).toHaveLength(1);
    expect(first[0]!.body.startsWith(MARKER)).toBe(true);
    expect(requests).toContain('POST /repos/acme/infra/issues/7/comments');
    expect(comments[0]!.body).toBe(`${MARKER} looks fine to me`);

    const production = await runAction({ INTERLOCK_PLAN: join(PLANS, 'terraform-aws-production.json') });
    expect(production.code, production.stderr).toBe(1);
    expect(production.stderr).toContain('plan check exited 4; fail-on is require-approval');
    const second = comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(second[0]!.body).toContain('REQUIRE APPROVAL');
    expect(requests).toContain(`PATCH /repos/acme/infra/issues/comments/${first[0]!.id}`);
    expect(readFileSync(join(tmp, 'summary.md'), 'utf8')).toContain('REQUIRE APPROVAL');
    expect(staging.stdout).toContain('Interlock');
  });

  it('lets a require-approval through when fail-on is deny, and fails on a file that is not a plan', async () => {
    const lenient = await runAction({
      INTERLOCK_PLAN: join(PLANS, 'terraform-aws-production.json'),
      INTERLOCK_FAIL_ON: 'deny',
      INTERLOCK_COMMENT: 'false',
    });
    expect(lenient.code, lenient.stderr).toBe(0);
    writeFileSync(join(tmp, 'not-a-plan.json'), '{"hello":1}');
    const broken = await runAction({ INTERLOCK_PLAN: 'not-a-plan.json', INTERLOCK_COMMENT: 'false' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('plan check exited 2');
  });

  it('names a bad input and the permission a refused API call needs', async () => {
    const bad = await runAction({ INTERLOCK_PLAN: 'p.json', INTERLOCK_FAIL_ON: 'never' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INTERLOCK_FAIL_ON');
    const target = {
      apiUrl,
      token: 'wrong',
      repository: 'acme/infra',
      pullRequest: 7,
      author: 'github-actions[bot]',
    };
    await expect(upsertComment(target, MARKER, `${MARKER}\nhi`)).rejects.toThrow(
      /answered 401.*pull-requests: write/,
    );
  });
});
