import type { RunningServer } from '../../../src/server/serve.js';

// A person at the console without a browser: a cookie jar of one cookie, and the forms' CSRF token read
// from the last page, as a browser would submit them.

export interface ConsoleUser {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

function cookieOf(res: Response): string | undefined {
  const set = res.headers.get('set-cookie');
  return set ? set.split(';')[0] : undefined;
}

function csrfIn(page: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error(`no CSRF field in the page:\n${page.slice(0, 500)}`);
  return m[1]!;
}

export async function anonymous(server: RunningServer): Promise<ConsoleUser> {
  const first = await fetch(`${server.url}/console/sign-in`);
  const user: ConsoleUser = {
    cookie: cookieOf(first)!,
    csrf: csrfIn(await first.text()),
    async get(path) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { cookie: user.cookie },
        redirect: 'manual',
      });
      user.cookie = cookieOf(res) ?? user.cookie;
      return res;
    },
    async post(path, fields, headers = {}) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          cookie: user.cookie,
          'content-type': 'application/x-www-form-urlencoded',
          origin: server.url,
          'sec-fetch-site': 'same-origin',
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
      user.cookie = cookieOf(res) ?? user.cookie;
      return res;
    },
  };
  return user;
}

/** Signed in with `token`: the session cookie and the CSRF token of the signed-in session. */
export async function signedIn(server: RunningServer, token: string): Promise<ConsoleUser> {
  const user = await anonymous(server);
  const res = await user.post('/console/sign-in', { csrf: user.csrf, token });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  user.csrf = csrfIn(await (await user.get('/console')).text());
  return user;
}
