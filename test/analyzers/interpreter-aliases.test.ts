import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/analyzers/code-scan.js';
import { resolvePythonNames } from '../../src/analyzers/interpreters/python-names.js';
import { check } from '../support/runtime.js';

// Code that names a dangerous call by another name, or runs code held in a string: each is judged as the
// plain call would be. And the everyday code around the same names stays allowed.

/** Each runs `rm -rf ~` or deletes the home directory, by a name the call finders did not know. */
const RENAMED_DELETIONS = [
  `python3 -c "__import__('os').system('rm -rf ~')"`,
  `python3 -c "import os as o; o.system('rm -rf ~')"`,
  `python3 -c "from os import system; system('rm -rf ~')"`,
  `python3 -c "from os import system as s; s('rm -rf ~')"`,
  `python3 -c "from os import *; system('rm -rf ~')"`,
  `python3 -c "import subprocess as x; x.run('rm -rf ~', shell=True)"`,
  `python3 -c "from subprocess import call; call('rm -rf ~', shell=True)"`,
  `python3 -c "from subprocess import run as r; r(['rm', '-rf', '/home/dev'])"`,
  `python3 -c "import importlib; importlib.import_module('os').system('rm -rf ~')"`,
  `python3 -c "from importlib import import_module; import_module('shutil').rmtree('/home/dev')"`,
  `python3 -c "getattr(__import__('os'), 'system')('rm -rf ~')"`,
  `python3 -c "import sys; sys.modules['os'].system('rm -rf ~')"`,
  `python3 -c "o = __import__('os'); o.system('rm -rf ~')"`,
  `python3 -c "import os; s = os.system; s('rm -rf ~')"`,
  `python3 -c "import shutil as s; s.rmtree('/home/dev')"`,
  `python3 -c "exec('import os; os.system(\\'rm -rf ~\\')')"`,
  `python3 -c "eval(compile('__import__(\\'shutil\\').rmtree(\\'/home/dev\\')', 'x', 'exec'))"`,
  `node -e "eval('require(\\'child_process\\').execSync(\\'rm -rf ~\\')')"`,
  `node -e "new Function('require(\\'fs\\').rmSync(\\'/home/dev\\', {recursive: true})')()"`,
  // Bindings the first reading missed: in a compound statement's body, in an expression, as a default.
  `python3 -c "if 1: import os as o; o.system('rm -rf ~')"`,
  `python3 -c "try: import os as o
except ImportError: pass
o.system('rm -rf ~')"`,
  `python3 -c "(o := __import__('os')).system('rm -rf ~')"`,
  `python3 -c "(lambda o=__import__('os'): o.system('rm -rf ~'))()"`,
  // posix and nt are os by another name; __builtins__ is builtins; a namespace subscripted is its member.
  `python3 -c "import posix; posix.system('rm -rf ~')"`,
  `python3 -c "__import__('nt').system('rm -rf ~')"`,
  `python3 -c "import os; vars(os)['system']('rm -rf ~')"`,
  `python3 -c "import os; os.__dict__['system']('rm -rf ~')"`,
  `python3 -c "import sys; sys.modules.get('os').system('rm -rf ~')"`,
  `python3 -c "__builtins__.exec('import os; os.system(\\'rm -rf ~\\')')"`,
  `python3 -c "getattr(__builtins__, 'exec')('import os; os.system(\\'rm -rf ~\\')')"`,
  `python3 -c "e = exec; e('import os; os.system(\\'rm -rf ~\\')')"`,
  // JavaScript's eval by a global's subscript, and vm's Script class, which compiles the code it is given.
  `node -e "globalThis['eval']('require(\\'child_process\\').execSync(\\'rm -rf ~\\')')"`,
  `node -e "const vm = require('vm'); new vm.Script('require(\\'child_process\\').execSync(\\'rm -rf ~\\')').runInThisContext()"`,
  `node -e "const { Script } = require('vm'); new Script('require(\\'fs\\').rmSync(\\'/home/dev\\', {recursive: true})').runInThisContext()"`,
];

/** Code whose text cannot be read before it runs. */
const BUILT_AT_RUN_TIME = [
  `python3 -c "import base64; exec(base64.b64decode('aW1wb3J0IG9z'))"`,
  `python3 -c "exec(open('setup_db.py').read())"`,
  `node -e "eval(Buffer.from('cmVxdWlyZQ==', 'base64').toString())"`,
  `node -e "require('vm').runInThisContext(process.argv[1])"`,
  // The builtin handed on as a value: where it is called, and with what, is not followed.
  `node -e "(0, eval)('require(\\'child_process\\').execSync(\\'rm -rf ~\\')')"`,
  `node -e "const e = eval; e('require(\\'child_process\\').execSync(\\'rm -rf ~\\')')"`,
  `node -e "eval.call(null, process.argv[1])"`,
  `python3 -c "list(map(exec, ['import os; os.system(\\'rm -rf ~\\')']))"`,
];

const EVERYDAY = [
  `python3 -c "import os; print(os.getcwd())"`,
  `python3 -c "from os import path; print(path.join('a', 'b'))"`,
  `python3 -c "import os.path as p; print(p.exists('x'))"`,
  `python3 -c "import json, sys; print(json.load(sys.stdin)['x'])"`,
  `python3 -c "print(eval('2 + 3'))"`,
  `python3 -c "import subprocess; print(subprocess.run(['git', 'status'], capture_output=True).stdout)"`,
  `python3 -c "from subprocess import check_output; print(check_output(['ls']))"`,
  `python3 -c "import sys; sys.path.insert(0, '.'); import app"`,
  `python3 -c "import os; env = os.environ; print(env.get('HOME'))"`,
  `python3 -c "import pandas as pd; df = pd.read_csv('x.csv'); print(df.eval('a + b'))"`,
  `python3 -c "from shutil import rmtree; rmtree('build')"`,
  `python3 -c "def system(x): return x
print(system('rm -rf ~'))"`,
  `python3 -c "import subprocess; r = subprocess.run(['ls'], stdout=subprocess.PIPE); print(r.stdout)"`,
  `python3 -c "if True: import json; print(json.dumps({'a': 1}))"`,
  `python3 -c "xs = [1, 2, 3]; print(xs[0:2], {'k': len(xs)})"`,
  `python3 -c "import posix; print(posix.getcwd())"`,
  `node -e "console.log(eval('1 + 1'))"`,
  `node -e "console.log(typeof eval, {eval: 1}.eval)"`,
  `node -e "const vm = require('vm'); console.log(new vm.Script('1 + 1').runInThisContext())"`,
  `python3 -c "import torch; m = torch.nn.Linear(1, 1); m.eval()"`,
  `python3 -c "from builtins import exec; print(1)"`,
  `node -e "console.log(new Function('a', 'b', 'return a + b')(1, 2))"`,
];

describe('renamed calls and code in strings', () => {
  it.each(RENAMED_DELETIONS)('%s deletes the home directory', async (command) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: '/home/dev', risk: 'critical' }),
    );
  });

  it.each(BUILT_AT_RUN_TIME)('%s runs code that cannot be read', async (command) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'execute-unverifiable', target: '<code built at run time>' }),
    );
  });

  it.each(EVERYDAY)('%s is allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });

  it('stops reading code in code a few levels down, and says so', async () => {
    let code = `__import__('os').system('rm -rf ~')`;
    for (let i = 0; i < 6; i++) code = `exec(${JSON.stringify(code)})`;
    const result = await check(`python3 -c '${code}'`);
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({
        operation: 'execute-unverifiable',
        reason: expect.stringContaining('too deep'),
      }),
    );
  });
});

describe('resolvePythonNames', () => {
  const names = (code: string) =>
    resolvePythonNames(tokenize(code, 'python'))
      .tokens.map((t) => t.text)
      .join(' ');

  it('writes aliases, from-imports and import calls as the names they stand for', () => {
    expect(names('import subprocess as sp\nsp.run(x)')).toContain('subprocess . run ( x )');
    expect(names('from os import remove as rm\nrm(p)')).toContain('os . remove ( p )');
    expect(names("getattr(__import__('os'), 'unlink')(p)")).toBe('os . unlink ( p )');
  });

  it('reads getattr of getattr, and says when a chain is nested too deep to follow', async () => {
    expect(names("getattr(getattr(__import__('os'), 'path'), 'join')(a)")).toBe('os . path . join ( a )');
    let code = '__import__("os")';
    for (let i = 0; i < 40; i++) code = `getattr(${code}, "path")`;
    expect(resolvePythonNames(tokenize(code, 'python')).tooDeep).toBe(true);
    const result = await check(`python3 -c '${code}'`);
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({
        operation: 'execute-unverifiable',
        reason: expect.stringContaining('too deep'),
      }),
    );
  });

  it('leaves other modules, attributes and keyword arguments as written', () => {
    expect(names('import numpy as np\nnp.remove(x)')).toContain('np . remove ( x )');
    expect(names('from os import system\nx.system(1)\nf(system=2)')).toContain(
      'x . system ( 1 ) f ( system = 2 )',
    );
  });
});
