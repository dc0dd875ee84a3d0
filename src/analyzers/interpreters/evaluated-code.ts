import { findCalls, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import { moreEvaluated } from './more-apis.js';

// Code that runs code: Python's exec, eval and compile, JavaScript's eval, Function and vm (and the other
// languages' of more-apis.ts: Elixir's Code.eval_string, Lisp's eval, Groovy's Eval.me…). A literal is
// read as code of the same language (`exec("import os; os.system('rm -rf ~')")` was allowed); anything
// else is code built at run time, which cannot be judged before it runs.

/** A call that runs code: what it runs, when that is a literal, and where the call is. */
export interface EvaluatedCode {
  via: string;
  code: string | undefined;
  index: number;
}

const PYTHON = new Set(['exec', 'eval', 'compile']);
const JS = new Set([
  'eval',
  'Function',
  'runInThisContext',
  'runInNewContext',
  'runInContext',
  'compileFunction',
]);
const JS_GLOBALS = new Set(['globalThis', 'window', 'global', 'self']);
/** vm's classes that compile code: `new vm.Script(code).runInThisContext()`. */
const VM_CLASSES = new Set(['Script', 'SourceTextModule']);

/** The argument holding the code, for calls of the builtins themselves (not `df.eval`, `page.evaluate`). */
function codeArgument(call: Call, lang: Lang): readonly Token[] | undefined {
  const receiver = call.receiver.join('.');
  if (lang === 'python') return receiver === '' || receiver === 'builtins' ? call.args[0] : undefined;
  if (call.name === 'eval') return receiver === '' || JS_GLOBALS.has(receiver) ? call.args[0] : undefined;
  // `new Function('a', 'return a')`: the body is the last argument.
  if (call.name === 'Function') return receiver === '' ? call.args.at(-1) : undefined;
  // `vm.runInThisContext(…)`, `require('vm').runInThisContext(…)`: only vm has these names.
  if (receiver === 'vm' || receiver === 'require()') return call.args[0];
  // `const { Script } = require('vm'); new Script(code)`.
  return receiver === '' && VM_CLASSES.has(call.name) ? call.args[0] : undefined;
}

/** `globalThis['eval']` is `globalThis.eval`. */
function withGlobalMembers(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const key = tokens[k + 2];
    if (
      t.kind === 'ident' &&
      JS_GLOBALS.has(t.text) &&
      isPunct(tokens[k + 1], '[') &&
      key?.kind === 'string' &&
      !key.dynamic &&
      isPunct(tokens[k + 3], ']')
    ) {
      out.push(t, { ...tokens[k + 1]!, text: '.' }, { ...key, kind: 'ident' });
      k += 3;
    } else out.push(t);
  }
  return out;
}

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;

/**
 * `(0, eval)(code)`, `const e = eval`, `map(exec, lines)`: the builtin handed on as a value runs code
 * wherever it is called, which a reading of names cannot follow. Not a member (`df.eval`), a call, a
 * definition (`def eval`), a key (`{eval: 1}`, `f(eval=x)`) or an import's name.
 */
function evaluatorsAsValues(tokens: readonly Token[], lang: Lang): number[] {
  const names = lang === 'python' ? ['exec', 'eval'] : ['eval'];
  const found: number[] = [];
  let importing = false;
  for (const [k, t] of tokens.entries()) {
    if (t.newline || isPunct(tokens[k - 1], ';')) importing = false;
    if (t.kind === 'ident' && (t.text === 'import' || t.text === 'from')) importing = true;
    if (t.kind !== 'ident' || !names.includes(t.text) || importing) continue;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (
      isPunct(before, '.') ||
      (before?.kind === 'ident' && ['def', 'function', 'typeof'].includes(before.text))
    )
      continue;
    if (isPunct(after, '(') || isPunct(after, ':') || (isPunct(after, '=') && !isPunct(tokens[k + 2], '=')))
      continue;
    found.push(k);
  }
  return found;
}

export function evaluatedCode(written: readonly Token[], lang: Lang): EvaluatedCode[] {
  const names = lang === 'python' ? PYTHON : lang === 'js' ? new Set([...JS, ...VM_CLASSES]) : undefined;
  if (!names) return moreEvaluated(written, lang);
  const tokens = lang === 'js' ? withGlobalMembers(written) : written;
  const found: EvaluatedCode[] = evaluatorsAsValues(tokens, lang).map((index) => ({
    via: `${tokens[index]!.text} passed as a value`,
    code: undefined,
    index,
  }));
  for (const call of findCalls(tokens, names)) {
    const arg = codeArgument(call, lang);
    if (!arg) continue;
    // `exec(compile('…', 'f', 'exec'))`: the compile call is found on its own.
    if (arg[0]?.kind === 'ident' && arg[0].text === 'compile') continue;
    found.push({ via: [...call.receiver, call.name].join('.'), code: literalString(arg), index: call.index });
  }
  return found;
}
