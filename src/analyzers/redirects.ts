import type { ActionFacts, Effect } from '../core/types.js';
import type { Redirect } from '../shell/extract.js';
import { emptied } from './files/emptied.js';
import { guardedWrite } from './guarded-writes.js';
import { classifyPath, resolvePath, writeGrantsPower } from './paths.js';

const HARMLESS_SINKS = /^\/dev\/(null|stdout|stderr|tty|fd\/\d+|zero)$/;
const BLOCK_DEVICE =
  /^\/dev\/(sd[a-z]|nvme\d|vd[a-z]|xvd[a-z]|hd[a-z]|mmcblk\d|disk\d|mapper\/|md\d|dm-\d|loop\d)/;

/**
 * `> file` truncates the file before writing: destroying what was there when it holds data. `tool` names
 * a program that writes as a redirect does (`tee`, `tee -a`): its effects read as that program's.
 */
export function redirectEffects(
  redirect: Redirect,
  facts: ActionFacts,
  remote: boolean,
  tool = 'redirect',
): Effect[] {
  const { operator, target } = redirect;
  if (operator === '<' || operator === '<&' || (operator === '>&' && /^\d+$|^-$/.test(target.value)))
    return [];
  if (!['>', '>|', '&>', '&>|', '>&', '<>', '>>', '&>>'].includes(operator)) return [];
  if (target.dynamic) {
    return [
      {
        operation: 'modify',
        tool,
        target: target.value,
        reversible: false,
        risk: 'medium',
        reason: `output written to a file named at run time (${target.value})`,
      },
    ];
  }
  const path = remote ? target.value : resolvePath(target.value, facts.cwd, facts.home);
  if (HARMLESS_SINKS.test(path)) return [];
  const appends = operator === '>>' || operator === '&>>';
  const guarded = remote ? undefined : guardedWrite(path, facts, tool, appends ? 'appends to' : 'writes to');
  if (guarded) return [guarded];
  if (BLOCK_DEVICE.test(path)) {
    return [
      {
        operation: 'delete',
        tool,
        target: path,
        reversible: false,
        risk: 'critical',
        reason: `writes over the disk device ${path}`,
      },
    ];
  }
  // Appending destroys nothing, and neither does creating a file; but a line added to sudoers, a cron job
  // created or an authorized key added grants as much as rewriting the file would: a change to what the
  // system runs or who may log in (a modify, whether the file was there or not). Whether the file exists
  // is only a fact the agent's side reports (the server replays it), so it never lowers that.
  const exists = appends || (facts.pathExists ? facts.pathExists(path) : true);
  if (appends || !exists) {
    const grants = writeGrantsPower(path, { cwd: facts.cwd, home: facts.home, remote });
    return [
      {
        operation: appends || grants ? 'modify' : 'create',
        tool,
        target: path,
        reversible: !grants,
        risk: grants ? grants.risk : 'none',
        reason: `${tool === 'redirect' ? '' : `${tool} `}${appends ? 'appends to' : 'creates'} ${path}${grants ? ` (${grants.why})` : ''}`,
        ...(grants ? { category: 'file' } : {}),
      },
    ];
  }
  const cls = classifyPath(path, { cwd: facts.cwd, home: facts.home, recursive: false, remote });
  // `> file` with no command writes nothing into what it emptied.
  if (redirect.alone && operator !== '<>')
    return [emptied(tool, path, cls, `\`${operator}\` with no command`)];
  // Rewriting an ordinary project file is everyday editing; overwriting data, secrets or system files is not.
  const risk =
    cls.risk === 'critical' || cls.risk === 'high' ? 'high' : cls.risk === 'medium' ? 'medium' : 'low';
  return [
    {
      operation: 'modify',
      tool,
      target: path,
      reversible: false,
      risk,
      reason: `${tool === 'redirect' ? `\`${operator}\`` : tool} truncates ${path} (${cls.why})`,
      category: 'file',
      ...(cls.riskInProduction ? { riskInProduction: cls.riskInProduction } : {}),
    },
  ];
}
