// The console's only script and stylesheet, served from the server itself (the CSP allows 'self' only).
// The script adds live updates to the pending list; every form works without it.

export const CONSOLE_JS = `'use strict';
(function () {
  var body = document.getElementById('pending');
  var state = document.getElementById('live-state');
  if (!body || !window.EventSource) return;
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch('/console/fragments/pending', { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : undefined; })
      .then(function (text) { if (text !== undefined) body.innerHTML = text; })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  var source = new EventSource('/console/events');
  source.addEventListener('open', function () {
    if (state) state.textContent = 'Live: this list updates by itself.';
    refresh();
  });
  source.addEventListener('change', refresh);
  source.addEventListener('error', function () {
    if (state) state.textContent = 'Live updates paused; reconnecting. Reload the page to see the latest.';
  });
})();
`;

export const CONSOLE_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 78rem; padding: 0 1rem 3rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: Canvas; padding: .5rem; z-index: 1; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
header nav { display: flex; gap: 1rem; align-items: center; padding: .75rem 0; border-bottom: 1px solid #8884; }
header .who { margin-left: auto; }
form.inline { display: inline; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #8883; }
pre.command { white-space: pre-wrap; overflow-wrap: anywhere; padding: .75rem; border: 1px solid #8886; background: #8881; }
code { overflow-wrap: anywhere; }
pre.plan-review { white-space: pre-wrap; overflow-wrap: anywhere; padding: .75rem; border-left: 4px solid #8886; }
form.filters { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: end; }
form.filters label { margin-top: 0; }
form.filters input, form.filters select { width: auto; }
.report-ok { border-left: 4px solid #1e7d32; padding-left: .75rem; }
.report-bad { border-left: 4px solid #b3261e; padding-left: .75rem; }
.report-warn { border-left: 4px solid #9a6700; padding-left: .75rem; }
.report-note { font-style: italic; opacity: .8; }
label { display: block; margin-top: .5rem; font-weight: 600; }
input, textarea { width: 100%; max-width: 40rem; font: inherit; }
button { font: inherit; margin-top: .5rem; padding: .3rem 1rem; cursor: pointer; }
button.approve { background: #1e7d32; color: #fff; border: 0; }
button.deny { background: #b3261e; color: #fff; border: 0; }
.notice { padding: .5rem .75rem; border-left: 4px solid; }
.notice.ok { border-color: #1e7d32; }
.notice.error { border-color: #b3261e; }
.quiet { opacity: .75; }
.env-production, .risk-critical, .risk-high { color: #b3261e; font-weight: 600; }
.state { font-size: .8em; padding: .1rem .4rem; border: 1px solid; border-radius: .3rem; }
`;
