import { html, type Html } from '../html.js';
import { notice, page } from './layout.js';

/** The one place a token is typed: a POST form, so it never sits in a URL, a history or a log. */
export function signInPage(csrf: string, error?: string): Html {
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
      ${notice('error', error)}
      <p>
        Paste your human token (it starts with <code>ilk_h_</code>; an admin makes one with
        <code>interlock token create --human NAME</code>). Agent tokens cannot sign in.
      </p>
      <form method="post" action="/console/sign-in">
        <input type="hidden" name="csrf" value="${csrf}" />
        <label for="token">Token</label>
        <input id="token" name="token" type="password" autocomplete="off" required spellcheck="false" />
        <button type="submit">Sign in</button>
      </form>`,
  );
}
