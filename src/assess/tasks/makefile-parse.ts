// A small reader for Makefile structure: rules (targets, prerequisites, recipe lines) and simple variable
// definitions. The recipe lines themselves are shell, assessed by the shell parser; this only finds them.

/** One target's rules, merged: every prerequisite and every recipe line, with their line numbers. */
export interface MakeRule {
  prerequisites: string[];
  recipe: { text: string; line: number }[];
}

export interface Makefile {
  rules: Map<string, MakeRule>;
  /** Targets in the order they were first defined (the first ordinary one is the default goal). */
  order: string[];
  /** Variables by name; `undefined` when this reader cannot say its value (`!=`, `define`, conditionals). */
  variables: Map<string, string | undefined>;
  /** What this reader did not follow (`include`, `$(eval …)`): an unknown target may be defined there. */
  unfollowed: string[];
}

const ASSIGNMENT = /^([^\s:#=$()]+|\$\([^()]*\))\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/s;
const CONDITIONAL = /^(ifeq|ifneq|ifdef|ifndef)\b|^(else|endif)\b/;

/** The line without its comment (`#` not escaped with a backslash). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) if (line[i] === '#' && line[i - 1] !== '\\') return line.slice(0, i);
  return line;
}

const continues = (line: string) => /(^|[^\\])(\\\\)*\\$/.test(line);

/** The Makefile's rules and variables. Conditionals are not evaluated: the lines of both branches count. */
export function parseMakefile(text: string): Makefile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const made: Makefile = { rules: new Map(), order: [], variables: new Map(), unfollowed: [] };
  let targets: string[] | undefined; // the rule whose recipe lines follow
  let conditional = 0;
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let line = lines[i]!;
    if (line.startsWith('\t') && targets) {
      // A recipe line: continuation lines go to the shell as they are, less their leading tab.
      while (continues(line) && i + 1 < lines.length) line += `\n${lines[++i]!.replace(/^\t/, '')}`;
      for (const t of targets) made.rules.get(t)!.recipe.push({ text: line.slice(1), line: number });
      continue;
    }
    while (continues(line) && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trimStart()}`;
    const logical = stripComment(line).trim();
    if (logical === '') continue;
    if (CONDITIONAL.test(logical)) {
      if (/^if/.test(logical)) conditional++;
      else if (logical.startsWith('endif')) conditional = Math.max(0, conditional - 1);
      continue;
    }
    targets = undefined;
    if (/^define\s/.test(logical) || /^(export|override)\s+define\s/.test(logical)) {
      const name = logical.split(/\s+/).find((w, k, all) => all[k - 1] === 'define');
      if (name) made.variables.set(name.replace(/\s*(:?:?=|\?=|\+=)$/, ''), undefined);
      while (i + 1 < lines.length && !/^\s*endef\b/.test(lines[i + 1]!)) i++;
      i++;
      continue;
    }
    if (/^(-?include|sinclude)\s|^\$\((eval|foreach|call)\s/.test(logical)) {
      made.unfollowed.push(`${logical.split(/\s+/)[0]} (line ${number})`);
      continue;
    }
    const statement = logical.replace(/^(export|override|private)\s+/, '');
    const assignment = ASSIGNMENT.exec(statement);
    if (assignment) {
      define(made, assignment[1]!, assignment[2]!, assignment[3]!, conditional > 0);
      continue;
    }
    if (/^(export|unexport|vpath)\b/.test(logical)) continue;
    targets = addRule(made, logical, number);
  }
  return made;
}

function define(made: Makefile, name: string, op: string, value: string, conditional: boolean): void {
  const known = made.variables.get(name);
  if (conditional || op === '!=' || name.includes('$')) made.variables.set(name, undefined);
  else if (op === '?=') {
    if (!made.variables.has(name)) made.variables.set(name, value);
  } else if (op === '+=')
    made.variables.set(
      name,
      known === undefined && made.variables.has(name) ? undefined : `${known ?? ''} ${value}`.trim(),
    );
  else made.variables.set(name, value);
}

/** `targets: prerequisites | order-only ; recipe` (also `::`, static patterns `t: %.o: %.c`, `t: VAR = x`). */
function addRule(made: Makefile, logical: string, number: number): string[] | undefined {
  const colon = logical.search(/:(?!=)/);
  if (colon <= 0) {
    made.unfollowed.push(`line ${number}`);
    return undefined;
  }
  const names = logical.slice(0, colon).trim().split(/\s+/);
  let rest = logical.slice(colon + 1).replace(/^:/, '');
  const semicolon = rest.indexOf(';');
  const inline = semicolon >= 0 ? rest.slice(semicolon + 1).trim() : undefined;
  if (semicolon >= 0) rest = rest.slice(0, semicolon);
  if (/^[^=]*[^:+?!]=/.test(rest) && !rest.includes(':')) return undefined; // a target-specific variable
  const staticPattern = rest.indexOf(':');
  const prerequisites = (staticPattern >= 0 ? rest.slice(staticPattern + 1) : rest)
    .replace('|', ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (const name of names) {
    let rule = made.rules.get(name);
    if (!rule) {
      rule = { prerequisites: [], recipe: [] };
      made.rules.set(name, rule);
      made.order.push(name);
    }
    rule.prerequisites.push(...prerequisites);
    if (inline) rule.recipe.push({ text: inline, line: number });
  }
  return names;
}
