import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UNKNOWN_VALUE, type Recipe, type TaskReader } from './types.js';

// Taskfile.yml (go-task): `tasks.X.cmds` are shell commands, `task:` entries and `deps` run other tasks.

const TaskCall = z.object({ task: z.string() });
const Command = z.union([
  z.string(),
  z.object({ cmd: z.string() }),
  TaskCall,
  z.object({ defer: z.union([z.string(), TaskCall]) }),
  z.object({}), // another kind of entry (`for:` loops…): nothing this reader follows
]);
const Vars = z.record(z.string(), z.unknown()).optional();
const Task = z.union([
  z.string(),
  z.array(Command),
  z.object({
    cmds: z.array(Command).optional(),
    cmd: z.string().optional(),
    deps: z.array(z.union([z.string(), TaskCall])).optional(),
    dir: z.string().optional(),
    vars: Vars,
    aliases: z.array(z.string()).optional(),
  }),
]);
const Taskfile = z.object({
  tasks: z.record(z.string(), Task.nullable()).optional(),
  vars: Vars,
  includes: z.unknown().optional(),
});
type TaskDefinition = z.infer<typeof Task>;

/** A Taskfile variable as text, when it is one (`{sh: …}` is computed at run time). */
const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** `{{.NAME}}` replaced by the variable's value; any other template is unknown. */
function template(line: string, values: ReadonlyMap<string, string | undefined>): string {
  return line.replace(/\{\{\s*(.*?)\s*\}\}/g, (_whole, expr: string) => {
    const name = /^\.([A-Za-z_]\w*)$/.exec(expr)?.[1];
    return (name === undefined ? undefined : values.get(name)) ?? UNKNOWN_VALUE;
  });
}

const normalize = (t: TaskDefinition) =>
  typeof t === 'string'
    ? { cmds: [t] }
    : Array.isArray(t)
      ? { cmds: t }
      : { ...t, cmds: t.cmds ?? (t.cmd ? [t.cmd] : []) };

/** What `task [names…]` runs: each task's deps first, then its cmds (`task:` entries in place), each once. */
export const readTaskfile: TaskReader = (source, request, file) => {
  let parsed: z.infer<typeof Taskfile>;
  try {
    const shape = Taskfile.safeParse(parseYaml(source));
    if (!shape.success) return { kind: 'unknown', reason: `${file} is not a Taskfile Interlock can read` };
    parsed = shape.data;
  } catch {
    return { kind: 'unknown', reason: `${file} is not valid YAML` };
  }
  const tasks = new Map<string, TaskDefinition>();
  for (const [name, t] of Object.entries(parsed.tasks ?? {})) {
    if (t === null) continue;
    tasks.set(name, t);
    if (typeof t === 'object' && !Array.isArray(t))
      for (const a of t.aliases ?? []) if (!tasks.has(a)) tasks.set(a, t);
  }
  const globals = new Map<string, string | undefined>(
    Object.entries(parsed.vars ?? {}).map(([k, v]) => [k, text(v)]),
  );
  globals.set('CLI_ARGS', request.args.join(' '));
  for (const [k, v] of Object.entries(request.variables)) globals.set(k, v);
  const recipes: Recipe[] = [];
  const visited = new Set<string>();
  const visit = (name: string): string | undefined => {
    const found = tasks.get(name);
    if (!found) return name;
    if (visited.has(name)) return undefined;
    visited.add(name);
    const t = normalize(found);
    const own = new Map(globals);
    for (const [k, v] of Object.entries('vars' in t ? (t.vars ?? {}) : {}))
      if (!(k in request.variables)) own.set(k, text(v));
    for (const d of 'deps' in t ? (t.deps ?? []) : []) {
      const missing = visit(typeof d === 'string' ? d : d.task);
      if (missing !== undefined) return missing;
    }
    const lines: Recipe['lines'] = [];
    const at = `${file} tasks.${name}`;
    for (const c of t.cmds) {
      const call =
        typeof c === 'object' && 'task' in c
          ? c.task
          : typeof c === 'object' && 'defer' in c && typeof c.defer === 'object'
            ? c.defer.task
            : undefined;
      if (call !== undefined) {
        const missing = visit(call);
        if (missing !== undefined) return missing;
        continue;
      }
      const cmd =
        typeof c === 'string'
          ? c
          : 'cmd' in c
            ? c.cmd
            : 'defer' in c && typeof c.defer === 'string'
              ? c.defer
              : undefined;
      if (cmd !== undefined) lines.push({ text: template(cmd, own), at });
    }
    const dir = 'dir' in t && t.dir ? template(t.dir, own) : undefined;
    recipes.push({ name, lines, ...(dir ? { cwd: dir } : {}) });
    return undefined;
  };
  if (!request.tasks.length && !tasks.has('default')) return { kind: 'none' }; // task: no default task
  for (const name of request.tasks.length ? request.tasks : ['default']) {
    const missing = visit(name);
    if (missing !== undefined) {
      const includes = parsed.includes !== undefined ? ' (it does not follow its includes)' : '';
      return {
        kind: 'unknown',
        reason: `${file} has no task ${missing} that Interlock could find${includes}`,
      };
    }
  }
  return { kind: 'found', recipes };
};
