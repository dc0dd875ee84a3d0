import type { EnvironmentHint } from '../core/types.js';
import type { Inner } from './wrappers.js';
import { posixPath } from './windows-paths.js';
import { word, type Word } from './words.js';

// PowerShell given a command (`pwsh -c 'Remove-Item -Recurse -Force C:\data'`, `powershell -enc <base64>`):
// its cmdlets and their aliases are read as the POSIX commands that do the same (Remove-Item -Recurse is
// `rm -r`, Set-Content is a write, Stop-Service a service stop), so that the analyzers judge them by their
// targets; other programs it starts (`kubectl delete ns x`) are assessed as they are. It all ran unseen. The
// language is read only as far as this needs: statements, pipelines, words, quotes, script blocks.

/** One statement's words; a `{ … }` script block is kept as its text, to be read as a script itself. */
interface Statement {
  words: Word[];
  blocks: string[];
}

/** Split a PowerShell script into statements (`;`, newlines, `|`, `&&`, `||`) of words. */
function statements(code: string): Statement[] {
  const all: Statement[] = [];
  let current: Statement = { words: [], blocks: [] };
  const end = () => {
    if (current.words.length || current.blocks.length) all.push(current);
    current = { words: [], blocks: [] };
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\n' || c === ';' || c === '|' || (c === '&' && code[i + 1] === '&')) {
      end();
      i += (c === '|' || c === '&') && code[i + 1] === c ? 2 : 1;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') while (i < code.length && code[i] !== '\n') i++;
    else if (c === '{' || c === '(') {
      const close = c === '{' ? '}' : ')';
      let depth = 1;
      const start = ++i;
      while (i < code.length && depth > 0) {
        if (code[i] === c) depth++;
        else if (code[i] === close) depth--;
        i++;
      }
      const body = code.slice(start, i - 1);
      if (c === '{') current.blocks.push(body);
      else {
        current.blocks.push(body); // a subexpression runs too
        current.words.push(word(`(${body})`, true));
      }
    } else if (c === "'") {
      let out = '';
      i++;
      while (i < code.length) {
        if (code[i] === "'" && code[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (code[i] === "'") break;
        else out += code[i++];
      }
      i++;
      current.words.push(word(out));
    } else if (c === '"') {
      let out = '';
      let dynamic = false;
      i++;
      while (i < code.length && code[i] !== '"') {
        if (code[i] === '`' && i + 1 < code.length) {
          out += code[i + 1];
          i += 2;
          continue;
        }
        if (code[i] === '$') dynamic = true;
        out += code[i++];
      }
      i++;
      current.words.push(word(out, dynamic));
    } else {
      const start = i;
      while (i < code.length && !/[\s;|{}()'"]/.test(code[i]!)) i++;
      if (i === start) i++; // an unmatched `}` or `)`: a word of its own
      const text = code.slice(start, i);
      current.words.push(word(text, text.includes('$')));
    }
  }
  end();
  return all;
}

/** A cmdlet's parameters: `-Name value`, `-Switch`, `-Name:value`, and the positional words. */
function parameters(words: readonly Word[]): { named: Map<string, Word>; positional: Word[] } {
  const named = new Map<string, Word>();
  const positional: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const m = /^-([A-Za-z][\w]*)(?::(.*))?$/s.exec(w.value);
    if (!m || (w.dynamic && !/^-\w+:\$(true|false)$/i.test(w.value))) {
      positional.push(w);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (m[2] !== undefined) named.set(name, word(m[2]));
    else if (isSwitch(name) || BLOCK_PARAMETERS.has(name) || i + 1 >= words.length)
      named.set(name, word('true'));
    else {
      // A list value (`-ArgumentList '-rf','/srv/data'`) arrives as words and commas: one value, comma-joined.
      const items = [words[++i]!];
      while (words[i + 1]?.value === ',' && words[i + 2]) {
        items.push(words[i + 2]!);
        i += 2;
      }
      named.set(
        name,
        items.length === 1
          ? items[0]!
          : word(
              items.map((x) => x.value).join(','),
              items.some((x) => x.dynamic),
            ),
      );
    }
  }
  return { named, positional };
}

const argv = (...words: (Word | string)[]): Inner => ({
  kind: 'argv',
  argv: words.map((w) => (typeof w === 'string' ? word(w) : w)),
});

/** The first of these parameters given, by any prefix of its name PowerShell would accept. */
function param(named: Map<string, Word>, ...names: string[]): Word | undefined {
  for (const [key, value] of named) if (names.some((n) => n.startsWith(key) && key.length >= 2)) return value;
  return undefined;
}

/** Switch parameters (they take no value), matched by any prefix as PowerShell does (`-r`, `-fo`). */
const SWITCH_NAMES = [
  'recurse',
  'force',
  'confirm',
  'whatif',
  'append',
  'nonewline',
  'passthru',
  'verbose',
  'debug',
];
const isSwitch = (name: string) => SWITCH_NAMES.some((s) => s.startsWith(name));
/** Parameters whose value is a `{ … }` script block, which is kept apart from the words (see statements). */
const BLOCK_PARAMETERS = new Set(['scriptblock', 'filterscript', 'process', 'begin', 'end']);

/** The parameters that name the machines a cmdlet acts on, and the ones that name what it acts on. */
const MACHINE_PARAMETERS = ['computername', 'cn', 'hostname', 'vmname', 'containerid'];
const SESSION_PARAMETERS = ['session', 'cimsession', 'pssession'];
const NAME_PARAMETERS = [
  'name',
  'resourcegroupname',
  'servername',
  'databasename',
  'identity',
  'clustername',
  'instancename',
];

/** Where a statement acts: the machines it names (Invoke-Command runs its block there), and what it names. */
interface Placement {
  hints: EnvironmentHint[];
  remote: boolean;
}

function placementOf(name: string, named: Map<string, Word>, positional: readonly Word[]): Placement {
  const hints: EnvironmentHint[] = [];
  // `icm HOST { … }`: Invoke-Command's first positional parameter is -ComputerName.
  const machines =
    param(named, ...MACHINE_PARAMETERS) ??
    (/^(invoke-command|icm)$/.test(name) && positional[0] && !positional[0].dynamic
      ? positional[0]
      : undefined);
  for (const machine of machines && !machines.dynamic ? machines.value.split(',') : [])
    if (machine.trim()) hints.push({ source: 'PowerShell -ComputerName', value: machine.trim() });
  for (const [key, value] of named) {
    const parameter = key.length >= 2 ? NAME_PARAMETERS.find((n) => n.startsWith(key)) : undefined;
    if (parameter && !value.dynamic)
      hints.push({ source: `PowerShell -${parameter}`, value: value.value, weak: true });
  }
  return { hints, remote: !!machines || !!param(named, ...SESSION_PARAMETERS) };
}

/** `inner` as run where the statement that holds it acts. */
function placed(inner: Inner, where: Placement): Inner {
  if (!where.hints.length && !where.remote) return inner;
  return {
    ...inner,
    hints: [...(inner.hints ?? []), ...where.hints],
    ...(where.remote || inner.remote ? { remote: true } : {}),
  };
}

/** Cmdlet verbs that destroy, stop, change settings or hand out access. */
const DESTROYING_VERBS =
  /^(remove|clear|stop|disable|uninstall|unregister|reset|revoke|dismount|suspend|format|initialize|set|restore|grant|block|move|rename|merge|lock|unprotect|publish|invoke)$/;
/**
 * Cmdlets with those verbs that are everyday work: shaping the session, running a project's tests or build,
 * and laying out output (Format-Table and its kin only print what they are piped; Format-Volume is not one).
 */
const EVERYDAY_CMDLETS =
  /^(set-location|set-variable|set-strictmode|set-psdebug|set-psreadlineoption|invoke-pester|invoke-build|invoke-psake|invoke-scriptanalyzer|invoke-webrequest|invoke-restmethod|format-(table|list|wide|custom|hex))$/i;
/** Aliases of the Format-* cmdlets that lay out output: they print, nothing more. */
const FORMAT_ALIASES = /^(ft|fl|fw|fc|fhx)$/;

/** One statement, as what it runs. */
function statementInner(words: Word[]): Inner[] {
  const [head, ...rest] = words;
  if (!head) return [];
  const name = head.value.toLowerCase();
  if (name === '&' || name === '.') return rest.length ? [{ kind: 'argv', argv: rest }] : [];
  if (/^\$/.test(name)) return []; // an assignment: its right side's commands are blocks, read separately
  if (FORMAT_ALIASES.test(name)) return [];
  // .NET called directly (`[System.IO.Directory]::Delete(…)`), and aliases made to hide a cmdlet: not read.
  if (
    /^\[[\w.]+\]::(delete|move|replace|copy|write\w*|append\w*|create\w*|kill|start|exit)/i.test(
      head.value,
    ) ||
    /^(sal|nal|set-alias|new-alias)$/.test(name)
  )
    return [
      {
        kind: 'unverifiable',
        reason: `PowerShell's ${head.value} is not read here`,
        target: words.map((w) => w.value).join(' '),
      },
    ];
  const { named, positional } = parameters(rest);
  const paths = () =>
    [...[param(named, 'path', 'literalpath')].filter((w): w is Word => !!w), ...positional].map(posixPath);
  // `-WhatIf` only says what it would do; `-WhatIf:$false` (or `:0`) does it.
  const whatIf = param(named, 'whatif');
  if (whatIf && !/^(\$false|0|false)$/i.test(whatIf.value)) return [];
  switch (name) {
    case 'remove-item':
    case 'rm':
    case 'del':
    case 'erase':
    case 'rd':
    case 'rmdir':
    case 'ri': {
      const flags = `-${param(named, 'recurse') ? 'r' : ''}f`;
      if (paths().length) return [argv('rm', flags, ...paths())];
      // `Get-ChildItem -Recurse | Remove-Item`: whatever the pipeline hands it.
      return [
        {
          kind: 'unverifiable',
          reason: 'Remove-Item deletes what the pipeline hands it',
          target: 'Remove-Item',
        },
      ];
    }
    case 'set-content':
    case 'sc':
    case 'out-file':
    case 'add-content':
    case 'ac': {
      const appends = name === 'add-content' || name === 'ac' || !!param(named, 'append');
      const target = param(named, 'path', 'literalpath', 'filepath') ?? positional[0];
      return target ? [argv('tee', ...(appends ? ['-a'] : []), posixPath(target))] : [];
    }
    case 'clear-content':
    case 'clc':
      return paths().map((p) => argv('truncate', '-s', '0', p));
    case 'copy-item':
    case 'cpi':
    case 'copy':
    case 'move-item':
    case 'mi':
    case 'move':
    case 'mv':
    case 'cp': {
      const from = param(named, 'path', 'literalpath') ?? positional[0];
      const to = param(named, 'destination') ?? positional[param(named, 'path', 'literalpath') ? 0 : 1];
      const tool = /^(move|mi|mv)/.test(name) ? 'mv' : 'cp';
      return from && to
        ? [argv(tool, ...(param(named, 'recurse') ? ['-r'] : []), posixPath(from), posixPath(to))]
        : [];
    }
    case 'stop-service':
    case 'restart-service':
    case 'spsv': {
      const service = param(named, 'name') ?? positional[0];
      return service ? [argv('systemctl', name.startsWith('restart') ? 'restart' : 'stop', service)] : [];
    }
    case 'new-item':
    case 'ni':
    case 'mkdir':
    case 'md': {
      const directory =
        /^directory$/i.test(param(named, 'itemtype')?.value ?? '') || name === 'mkdir' || name === 'md';
      const where = paths();
      return where.length
        ? [argv(directory ? 'mkdir' : 'touch', ...(directory ? ['-p'] : []), ...where)]
        : [];
    }
    case 'invoke-command':
    case 'icm': {
      // Its script block is read as a script (placed where it runs); a script file is not read here.
      const file = param(named, 'filepath');
      if (file)
        return [
          {
            kind: 'unverifiable',
            reason: `Invoke-Command runs the script ${file.value}, which is not read here`,
            target: file.value,
          },
        ];
      return [];
    }
    case 'invoke-sqlcmd': {
      // SQL Server's own client, as sqlcmd: the instance it connects to, the database, the query or file.
      const server = param(named, 'serverinstance');
      const database = param(named, 'database');
      const query = param(named, 'query') ?? positional[0];
      const file = param(named, 'inputfile');
      if (!query && !file) return [];
      return [
        argv(
          'sqlcmd',
          ...(server ? ['-S', server] : []),
          ...(database ? ['-d', database] : []),
          ...(query ? ['-Q', query] : []),
          ...(file ? ['-i', posixPath(file)] : []),
        ),
      ];
    }
    case 'stop-computer':
      return [argv('poweroff')];
    case 'restart-computer':
      return [argv('reboot')];
    case 'invoke-expression':
    case 'iex': {
      const text = param(named, 'command') ?? positional[0];
      if (!text)
        return [{ kind: 'unverifiable', reason: 'Invoke-Expression runs what it is piped', target: 'iex' }];
      return text.dynamic
        ? [
            {
              kind: 'unverifiable',
              reason: 'Invoke-Expression runs a command built at run time',
              target: text.value,
            },
          ]
        : powershellScript(text.value);
    }
    case 'start-process':
    case 'saps':
    case 'start': {
      const file = param(named, 'filepath') ?? positional[0];
      const list = param(named, 'argumentlist') ?? positional[1];
      return file
        ? [argv(file, ...(list ? list.value.split(/\s*,\s*|\s+/).map((a) => word(a, list.dynamic)) : []))]
        : [];
    }
  }
  // Verb-Noun cmdlets: those whose verb removes, clears, stops, formats, changes settings or grants are not
  // read further (unverifiable); making, running tests, installing for the user, looking, shaping and
  // printing are everyday work.
  const cmdlet = /^([a-z]+)-[a-z]/i.exec(head.value);
  if (cmdlet) {
    const verb = cmdlet[1]!.toLowerCase();
    const acts = DESTROYING_VERBS.test(verb) && !EVERYDAY_CMDLETS.test(head.value);
    const machineWide =
      /^install-(module|package|script)$/i.test(head.value) &&
      !/^currentuser$/i.test(param(named, 'scope')?.value ?? '');
    return acts || machineWide
      ? [
          {
            kind: 'unverifiable',
            reason: `PowerShell's ${head.value} is not read here`,
            target: words.map((w) => w.value).join(' '),
          },
        ]
      : [];
  }
  return [{ kind: 'argv', argv: words }];
}

/** Cmdlets read above that a destroying verb does not cover: they restart, copy over or run. */
const ACTING_CMDLETS = /^(restart-computer|restart-service|copy-item|start-process)$/;
/** Aliases of those cmdlets that are POSIX programs' names too (`ri` is Ruby's, `iex` Elixir's). */
const SHARED_ALIASES = /^(ri|rm|rmdir|iex|mi|cpi|sc|clc|spsv|saps)$/;
/** Parameters only PowerShell writes (`-Recurse`, `-Force`, `-fo`, `-Path`…). */
const PS_PARAMETER =
  /^-(rec(u(r(se?)?)?)?|fo(r(ce?)?)?|path|literalpath|destination|itemtype|filepath|argumentlist|command|confirm(:\$?\w+)?)$/i;

/**
 * A line typed to PowerShell, as an agent whose shell is PowerShell types it (`Remove-Item -Recurse -Force
 * C:\Users\dev`): a cmdlet that destroys, stops, changes or runs, written as PowerShell writes cmdlets
 * (`Remove-Item`) or with PowerShell's parameters; or an alias POSIX has too (`ri`, `rmdir`), given
 * PowerShell's parameters, and `iex` given a command line. A lower-case `reset-db` or `stop-server` with
 * none of these is a program on the PATH, as it was.
 */
export function typedAsPowerShell(program: string, args: readonly Word[], line: string): boolean {
  const name = program.toLowerCase();
  const parameters = args.some((a) => !a.dynamic && PS_PARAMETER.test(a.value));
  // `iex (irm URL)`, `icm HOST { … }`: a subexpression or script block after them is PowerShell's syntax.
  const after = line.slice(program.length);
  if (name === 'icm') return /^\s.*\{/s.test(after);
  if (SHARED_ALIASES.test(name))
    return (
      parameters || (name === 'iex' && (args.some((a) => /\s/.test(a.value.trim())) || /^\s*\(/.test(after)))
    );
  const verb = /^([a-z]+)-[a-z]+$/.exec(name)?.[1];
  const cmdlet =
    verb !== undefined &&
    ((DESTROYING_VERBS.test(verb) && !EVERYDAY_CMDLETS.test(name)) || ACTING_CMDLETS.test(name));
  return cmdlet && (/^[A-Z][a-z]*-[A-Z]/.test(program) || parameters);
}

/** What a PowerShell script runs, statement by statement, script blocks included. */
export function powershellScript(code: string, depth = 0): Inner[] {
  if (depth > 8)
    return [{ kind: 'unverifiable', reason: 'PowerShell script blocks nested too deeply', target: code }];
  return statements(code).flatMap((s) => {
    const [head, ...rest] = s.words;
    const { named, positional } = parameters(rest);
    const where = head ? placementOf(head.value.toLowerCase(), named, positional) : undefined;
    const inner = [...statementInner(s.words), ...s.blocks.flatMap((b) => powershellScript(b, depth + 1))];
    return where ? inner.map((i) => placed(i, where)) : inner;
  });
}

/** The -EncodedCommand text: base64 of UTF-16LE. */
const decoded = (base64: string): string => Buffer.from(base64, 'base64').toString('utf16le');

/** `pwsh|powershell [-NoProfile …] -Command TEXT | -EncodedCommand B64 | -File F | TEXT`: what it runs. */
export function powershellCommands(args: readonly Word[], name: string): Inner[] {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const option = /^[-/]([A-Za-z]+)$/.exec(w.value)?.[1]?.toLowerCase();
    const rest = args.slice(i + 1);
    const text = (words: readonly Word[]) => ({
      value: words.map((r) => r.value).join(' '),
      dynamic: words.some((r) => r.dynamic),
    });
    if (option === undefined) {
      // pwsh's default parameter is -File; Windows PowerShell's is -Command.
      if (name === 'pwsh' && /\.ps1$/i.test(w.value)) return [];
      const script = text(args.slice(i));
      return script.dynamic
        ? [{ kind: 'unverifiable', reason: `${name} runs a command built at run time`, target: script.value }]
        : powershellScript(script.value);
    }
    if (/^(c|com|comm|comma|comman|command)$/.test(option)) {
      const script = text(rest);
      if (script.value === '-' || !rest.length) return [];
      return script.dynamic
        ? [
            {
              kind: 'unverifiable',
              reason: `${name} -Command runs a command built at run time`,
              target: script.value,
            },
          ]
        : powershellScript(script.value);
    }
    // -EncodedCommand by any prefix PowerShell takes for it (`-e`, `-ec`, `-enc`, `-enco`…).
    if (option === 'e' || option === 'ec' || (option.length >= 2 && 'encodedcommand'.startsWith(option))) {
      const b64 = rest[0];
      if (!b64 || b64.dynamic)
        return [
          {
            kind: 'unverifiable',
            reason: `${name} -EncodedCommand of a value computed at run time`,
            target: b64?.value ?? '',
          },
        ];
      return powershellScript(decoded(b64.value));
    }
    if (option === 'file' || option === 'f') return [];
    if (
      /^(executionpolicy|ep|ex|windowstyle|w|workingdirectory|wd|configurationname|outputformat|of|inputformat|if|settingsfile|psconsolefile|version|v)$/.test(
        option,
      )
    )
      i++;
  }
  return [];
}
