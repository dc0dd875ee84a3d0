import type { ApprovalClient } from '../approvals/http.js';
import { renderRequest, renderRequestLine } from '../approvals/view.js';
import type { RequestState } from '../store/types.js';
import { REQUEST_STATES } from '../store/types.js';
import { clientFromEnvironment } from './server-connection.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { reportError } from './errors.js';

// `interlock approvals list|show|approve|deny|cancel|status`: the approvers' side, over the server's API
// with the caller's own token (INTERLOCK_TOKEN).

export interface ApprovalsOptions {
  json?: boolean;
  all?: boolean;
  state?: string;
  comment?: string;
  reason?: string;
}

async function withClient(fn: (client: ApprovalClient) => Promise<number>): Promise<number> {
  const found = clientFromEnvironment(process.cwd(), process.env);
  if ('error' in found) {
    process.stderr.write(`interlock approvals: ${found.error}\n`);
    return EXIT_CODES.usage;
  }
  try {
    return await fn(found.client);
  } catch (error) {
    return reportError('approvals', error);
  }
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

export function approvalsList(options: ApprovalsOptions): Promise<number> {
  return withClient(async (client) => {
    let states: RequestState[] | undefined = ['pending', 'approved'];
    if (options.all) states = undefined;
    if (options.state) {
      const wanted = options.state.split(',').map((s) => s.trim());
      const bad = wanted.find((s) => !(REQUEST_STATES as readonly string[]).includes(s));
      if (bad) {
        process.stderr.write(
          `interlock approvals: unknown state "${bad}"; use ${REQUEST_STATES.join(', ')}\n`,
        );
        return EXIT_CODES.usage;
      }
      states = wanted as RequestState[];
    }
    const [requests, status] = await Promise.all([
      client.listRequests({ ...(states ? { states } : {}), limit: 200 }),
      client.status(),
    ]);
    if (options.json) {
      out(JSON.stringify({ status, requests }));
      return EXIT_CODES.ok;
    }
    if (status.frozen)
      out(
        `FROZEN by ${status.frozen.by} (${status.frozen.reason}): every agent's non-read action is denied.`,
      );
    for (const f of status.frozenAgents) out(`agent ${f.scope.slice(6)} is frozen by ${f.by}: ${f.reason}`);
    if (!requests.length) {
      out(states ? `No ${states.join(' or ')} requests.` : 'No requests.');
      return EXIT_CODES.ok;
    }
    const now = Date.now();
    for (const r of requests) out(renderRequestLine(r, now));
    out(`\nDetails: interlock approvals show <id>`);
    return EXIT_CODES.ok;
  });
}

export function approvalsShow(id: string, options: ApprovalsOptions): Promise<number> {
  return withClient(async (client) => {
    const request = await client.getRequest(id);
    out(options.json ? JSON.stringify(request) : renderRequest(request));
    return EXIT_CODES.ok;
  });
}

export function approvalsVote(
  verb: 'approve' | 'deny' | 'cancel',
  id: string,
  options: ApprovalsOptions,
): Promise<number> {
  return withClient(async (client) => {
    if (verb === 'deny' && !options.reason?.trim()) {
      process.stderr.write('interlock approvals deny: say why with --reason "…" (the requester reads it)\n');
      return EXIT_CODES.usage;
    }
    const reply =
      verb === 'approve'
        ? await client.approve(id, options.comment)
        : verb === 'deny'
          ? await client.deny(id, options.reason!)
          : await client.cancel(id, options.reason);
    if (options.json) out(JSON.stringify(reply));
    else out(`${reply.message}\n\n${renderRequest(reply.request)}`);
    return reply.counted ? EXIT_CODES.ok : EXIT_CODES.failed;
  });
}

export function approvalsStatus(options: ApprovalsOptions): Promise<number> {
  return withClient(async (client) => {
    const [status, me] = await Promise.all([client.status(), client.whoami()]);
    if (options.json) {
      out(JSON.stringify({ ...status, you: me }));
      return EXIT_CODES.ok;
    }
    out(
      `server ${client.url} (${status.store}); you are ${me.kind} ${me.name}${me.groups.length ? ` in ${me.groups.join(', ')}` : ''}`,
    );
    out(status.frozen ? `FROZEN by ${status.frozen.by}: ${status.frozen.reason}` : 'not frozen');
    for (const f of status.frozenAgents) out(`agent ${f.scope.slice(6)} frozen by ${f.by}: ${f.reason}`);
    out(`${status.pending} pending request${status.pending === 1 ? '' : 's'}`);
    return EXIT_CODES.ok;
  });
}
