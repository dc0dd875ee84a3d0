import { html, type Html } from '../html.js';

// The frame of every console page: lang, a skip link to the main content, the signed-in person and a
// sign-out form. The only script and stylesheet are the server's own static files (the CSP allows no other).

export interface Viewer {
  name: string;
  groups: string[];
  csrf: string;
}

export function page(title: string, main: Html, viewer?: Viewer): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Interlock</title>
        <link rel="stylesheet" href="/console/static/console.css" />
        <script src="/console/static/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header>
          <nav aria-label="Console">
            <a href="/console">Pending requests</a>
            <a href="/console/audit">Audit timeline</a>
            <a href="/console/incidents">Incident report</a>
            ${viewer ? signedIn(viewer) : ''}
          </nav>
        </header>
        <main id="main" tabindex="-1">${main}</main>
      </body>
    </html> `;
}

function signedIn(viewer: Viewer): Html {
  return html`<span class="who"
      >Signed in as
      <strong>${viewer.name}</strong>${viewer.groups.length ? html` (${viewer.groups.join(', ')})` : ''}</span
    >
    <form method="post" action="/console/sign-out" class="inline">
      <input type="hidden" name="csrf" value="${viewer.csrf}" />
      <button type="submit">Sign out</button>
    </form>`;
}

/** A notice at the top of a page: what happened, or what was refused and why. */
export function notice(kind: 'ok' | 'error', text: string | undefined): Html {
  if (!text) return html``;
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>`;
}

/** A plain page that says one thing (a refusal, a missing request). */
export function messagePage(title: string, text: string, viewer?: Viewer): Html {
  return page(
    title,
    html`<h1>${title}</h1>
      ${notice('error', text)}
      <p><a href="/console">Back to pending requests</a></p>`,
    viewer,
  );
}
