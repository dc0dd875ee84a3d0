import { findCalls, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';

// Code that runs code: Python's exec, eval and compile, JavaScript's eval, Function and vm. A literal is
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

/** The argument holding the code, for calls of the builtins themselves (not `df.eval`, `page.evaluate`). */
function codeArgument(call: Call, lang: Lang): readonly Token[] | undefined {
  const receiver = call.receiver.join('.');
  if (lang === 'python') return receiver === '' || receiver === 'builtins' ? call.args[0] : undefined;
  if (call.name === 'eval') return receiver === '' || JS_GLOBALS.has(receiver) ? call.args[0] : undefined;
  // `new Function('a', 'return a')`: the body is the last argument.
  if (call.name === 'Function') return receiver === '' ? call.args.at(-1) : undefined;
  // `vm.runInThisContext(…)`, `require('vm').runInThisContext(…)`: only vm has these names.
  return receiver === 'vm' || receiver === 'require()' ? call.args[0] : undefined;
}

export function evaluatedCode(tokens: readonly Token[], lang: Lang): EvaluatedCode[] {
  const names = lang === 'python' ? PYTHON : lang === 'js' ? JS : undefined;
  if (!names) return [];
  const found: EvaluatedCode[] = [];
  for (const call of findCalls(tokens, names)) {
    const arg = codeArgument(call, lang);
    if (!arg) continue;
    // `exec(compile('…', 'f', 'exec'))`: the compile call is found on its own.
    if (arg[0]?.kind === 'ident' && arg[0].text === 'compile') continue;
    found.push({ via: [...call.receiver, call.name].join('.'), code: literalString(arg), index: call.index });
  }
  return found;
}
