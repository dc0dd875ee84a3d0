import { describe, expect, it } from 'vitest';
import { TASK_READERS, taskRequest } from '../../src/assess/tasks/index.js';
import { word } from '../../src/shell/words.js';

// The task runners' readers, without the disk: which task a command line asks for, where the runner looks
// for its file, and which shell lines the file says run. (test/assess/tasks.test.ts assesses them whole.)

const U = '${INTERLOCK_UNKNOWN_VALUE}';

function request(command: string) {
  const [name, ...args] = command.split(' ').map((v) => word(v));
  return taskRequest(name!.value, args, { cwd: '/p', home: '/h' });
}

/** The lines `command` runs according to `file`, in order, or why none. */
function lines(command: string, file: string): string[] | string {
  const asked = request(command);
  if (!asked) return 'runs no task';
  const lookup = TASK_READERS[asked.format](file, asked, 'F');
  return lookup.kind === 'found' ? lookup.recipes.flatMap((r) => r.lines.map((l) => l.text)) : lookup.kind;
}

describe('Makefile', () => {
  it.each([
    ['make', 'all:\n\t@-echo a\n\t+ echo b\n', ['echo a', 'echo b']],
    [
      'make',
      'A = x\nB := $(A)y\nC ?= z\nC ?= w\nD = 1\nD += 2\nall:\n\techo $(B) ${C} $(D)\n',
      ['echo xy z 1 2'],
    ],
    ['make', 'all:\n\tfor f in *; do echo $$f; done\n', ['for f in *; do echo $f; done']],
    ['make out', 'out: in1 in2\n\tcp $< $@ && cat $^\n', ['cp in1 out && cat in1 in2']],
    ['make', 'all:\n\trm -rf $(wildcard build/*)\n', [`rm -rf ${U}`]],
    ['make', 'X := $(shell date)\nall:\n\techo $(X)\n', ['echo $(date)']],
    ['make', 'all:\n\techo $(HOME)\n', ['echo ${HOME}']],
    [
      'make',
      'ifeq ($(E),prod)\nNS = prod\nelse\nNS = dev\nendif\nall:\n\tkubectl delete ns $(NS)\n',
      [`kubectl delete ns ${U}`],
    ],
    ['make', 'all:\nifdef X\n\techo a\nelse\n\techo b\nendif\n', ['echo a', 'echo b']],
    ['make all NS=x', 'NS = y\nall:\n\techo $(NS)\n', ['echo x']],
    ['make all NS=x', 'all:\n\t$(MAKE) -C sub\n', ['make NS=x -C sub']],
    ['make', 'all:\n\techo a \\\n\t  b\n', ['echo a \\\n  b']],
    ['make', 'all: ; echo hi\n', ['echo hi']],
    ['make', 'all::\n\techo a\nall::\n\techo b\n', ['echo a', 'echo b']],
    ['make', 'all: a b\na: c\n\techo a\nb: c\n\techo b\nc:\n\techo c\n', ['echo c', 'echo a', 'echo b']],
    ['make a', 'a: b\n\techo a\nb: a\n\techo b\n', ['echo b', 'echo a']],
    ['make', '.PHONY: x\n%.o: %.c\n\tcc -c $<\nx:\n\techo x\n', ['echo x']],
    ['make', '.DEFAULT_GOAL := b\na:\n\techo a\nb:\n\techo b\n', ['echo b']],
    ['make -n', 'all:\n\techo a\n\t+echo b\n\t$(MAKE) sub\n', ['echo b', 'make sub']],
    ['make', 'define X\nrm -rf /\nendef\nall:\n\techo ok\n', ['echo ok']],
    ['make', 'all: NS = x\nall:\n\techo hi\n', ['echo hi']],
    [
      'make',
      '# all: nothing\n\nbuild: # compile\n\tgo build # stays for the shell\n',
      ['go build # stays for the shell'],
    ],
    ['make deploy', 'include rules.mk\nall:\n\techo a\n', 'unknown'],
    ['make deploy', 'all:\n\techo a\n', 'unknown'],
    ['make defconfig', 'all:\n\techo a\n%config: tools\n\tconf --$* $@ $<\n', ['conf --def defconfig tools']],
    [
      'make deploy-prod',
      'deploy-%: build-%\n\tkubectl apply -k $*\nbuild-prod:\n\techo b\n',
      ['echo b', 'kubectl apply -k prod'],
    ],
    ['make', '', 'none'],
    ['make --version', 'all:\n\trm -rf /\n', 'runs no task'],
    ['make -q all', 'all:\n\trm -rf /\n', 'runs no task'],
  ])('%s with %j', (command, file, expected) => {
    expect(lines(command, file)).toEqual(expected);
  });
});

const PKG = (scripts: Record<string, string>) => JSON.stringify({ name: 'x', scripts });

describe('package.json', () => {
  it.each([
    ['npm run build --if-present', PKG({ build: 'tsc' }), ['tsc']],
    ['npm run build -- --watch', PKG({ build: 'tsc' }), ['tsc --watch']],
    ['npm run-script build extra', PKG({ build: 'tsc' }), ['tsc extra']],
    ['npm --loglevel warn run build', PKG({ build: 'tsc' }), ['tsc']],
    ['npm test', PKG({ pretest: 'a', test: 'b', posttest: 'c' }), ['a', 'b', 'c']],
    ['npm t', PKG({ test: 'b' }), ['b']],
    ['npm restart', PKG({ stop: 's1', start: 's2' }), ['s1', 's2']],
    ['npm restart', PKG({ stop: 's1', start: 's2', restart: 'r' }), ['r']],
    ['npm run missing', PKG({ build: 'tsc' }), 'none'],
    ['npm run build', '{', 'unknown'],
    ['npm run build', JSON.stringify({ scripts: { build: 1 } }), 'unknown'],
    ['npm run build', JSON.stringify({ name: 'no scripts' }), 'none'],
    [
      'npm install',
      PKG({ build: 'tsc', prepare: 'husky', postinstall: 'patch-package' }),
      ['patch-package', 'husky'],
    ],
    ['npm ci', PKG({ preinstall: 'a' }), ['a']],
    ['npm install', PKG({ build: 'tsc' }), 'none'],
    ['npm install left-pad', PKG({ install: 'rm -rf /' }), 'runs no task'],
    ['npm install --ignore-scripts', PKG({ install: 'rm -rf /' }), 'runs no task'],
    ['pnpm i', PKG({ postinstall: 'a' }), ['a']],
    ['yarn', PKG({ postinstall: 'a' }), ['a']],
    ['npm run', PKG({ build: 'tsc' }), 'runs no task'],
    ['npm run build -w api', PKG({ build: 'tsc' }), 'runs no task'],
    ['yarn', PKG({ build: 'tsc' }), 'none'],
    ['yarn add left-pad', PKG({ build: 'tsc' }), 'runs no task'],
    ['yarn build --prod', PKG({ build: 'tsc' }), ['tsc --prod']],
    ['yarn run build', PKG({ build: 'tsc' }), ['tsc']],
    ['pnpm build', PKG({ build: 'tsc' }), ['tsc']],
    ['pnpm -r build', PKG({ build: 'tsc' }), 'runs no task'],
    ['bun run build', PKG({ build: 'tsc' }), ['tsc']],
    ['bun test', PKG({ test: 'rm -rf /' }), 'runs no task'],
  ])('%s with %s', (command, file, expected) => {
    expect(lines(command, file)).toEqual(expected);
  });
});

describe('justfile', () => {
  it.each([
    ['just', 'a:\n  echo a\nb:\n  echo b\n', ['echo a']],
    ['just deploy', "deploy env='dev':\n  echo {{env}}\n", ['echo dev']],
    ['just deploy prod', "deploy env='dev':\n  echo {{ env }}\n", ['echo prod']],
    ['just t a b', 't +args:\n  echo {{args}}\n', ['echo a b']],
    ['just a', 'a: (b "x") c\n  echo a\nb x:\n  echo b\nc:\n  echo c\n', ['echo b', 'echo c', 'echo a']],
    ['just a c', 'a:\n  echo a\nc:\n  echo c\n', ['echo a', 'echo c']],
    ['just x', 'x:\n  echo {{{{literal}}\n', ['echo {{literal}}']],
    ['just x', 'x:\n  echo {{ env_var("HOME") }}\n', [`echo ${U}`]],
    ['just x', 'v := "1"\nx:\n  @-echo {{v}}\n', ['echo 1']],
    ['just x v=2', 'v := "1"\nx:\n  echo {{v}}\n', ['echo 2']],
    ['just x', 'x:\n  #!/usr/bin/env python3\n  import os\n', []],
    ['just x', 'x:\n  #!/bin/bash\n  set -e\n  echo a\n', ['#!/bin/bash\nset -e\necho a']],
    ['just y', 'alias y := x\n[private]\nx:\n  echo x\n', ['echo x']],
    ['just z', 'import "other.just"\nx:\n  echo x\n', 'unknown'],
    ['just --list', 'x:\n  rm -rf /\n', 'runs no task'],
    ['just -n x', 'x:\n  rm -rf /\n', 'runs no task'],
  ])('%s with %j', (command, file, expected) => {
    expect(lines(command, file)).toEqual(expected);
  });
});

describe('Taskfile.yml', () => {
  const file = [
    "version: '3'",
    'vars: { NS: dev }',
    'includes: { docs: ./docs }',
    'tasks:',
    '  default: { cmds: [echo default] }',
    '  t: { cmds: ["echo {{.CLI_ARGS}}"] }',
    '  a: { deps: [b], cmds: [echo a, { task: c }, { defer: echo bye }], aliases: [aa] }',
    '  b: echo b',
    '  c: [echo c]',
    '  ns: { vars: { NS: prod }, cmds: ["kubectl delete ns {{.NS}}"] }',
    '  v: { cmds: ["echo {{.NS}} {{.Other}} {{ printf \\"x\\" }}"] }',
  ].join('\n');
  it.each([
    ['task', ['echo default']],
    ['task t -- x y', ['echo x y']],
    ['task a', ['echo b', 'echo c', 'echo a', 'echo bye']],
    ['task aa', ['echo b', 'echo c', 'echo a', 'echo bye']],
    ['task ns', ['kubectl delete ns prod']],
    ['task ns NS=qa', ['kubectl delete ns qa']],
    ['task v', [`echo dev ${U} ${U}`]],
    ['task docs:build', 'unknown'],
    ['task --list', 'runs no task'],
    ['task -n a', 'runs no task'],
  ])('%s', (command, expected) => {
    expect(lines(command, file)).toEqual(expected);
  });
});

describe('where a runner looks for its file', () => {
  it.each([
    ['make', ['/p/GNUmakefile', '/p/makefile', '/p/Makefile']],
    ['make -C a -C b -f x.mk', ['/p/a/b/x.mk']],
    ['npm --prefix api run x', ['/p/api/package.json', '/p/package.json', '/package.json']],
    ['yarn --cwd api x', ['/p/api/package.json', '/p/package.json', '/package.json']],
    ['just --justfile ops/justfile x', ['/p/ops/justfile']],
    ['task -d ops x', expect.arrayContaining(['/p/ops/Taskfile.yml', '/p/Taskfile.yml'])],
    ['task -t ci.yml x', ['/p/ci.yml']],
  ])('%s', (command, expected) => {
    expect(request(command)?.candidates).toEqual(expected);
  });
});
