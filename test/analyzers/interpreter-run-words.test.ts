import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A program run with its arguments as separate words (`spawnSync('rm', ['-rf', dir])`, Perl's `exec "rm",
// "-rf", $ENV{HOME}`): every word is read, and one known only at run time keeps the rest judged.

const DELETES_AT_RUN_TIME = [
  `perl -e 'exec "rm", "-rf", $ENV{HOME}'`,
  `python3 -c "import os; os.execvp('rm', ['rm', '-rf', os.path.expanduser('~')])"`,
  `node -e "require('child_process').spawnSync('rm', ['-rf', require('os').homedir()])"`,
  `python3 -c "import subprocess; subprocess.run(['rm', '-rf', path], check=True)"`,
  `ruby -e 'system("rm", "-rf", dir)'`,
  // Perl's indirect object: the block names the program, the list's first word only what it is shown.
  `perl -e 'system { "rm" } "rm", "-rf", $ENV{HOME}'`,
];

const RUNS = [
  [`python3 -c "import os; os.spawnlp(os.P_WAIT, 'rm', 'rm', '-rf', '/home/dev')"`, '/home/dev'],
  [`python3 -c "import os; os.execv('/bin/rm', ['rm', '-rf', '/home/dev'])"`, '/home/dev'],
  [`python3 -c "import subprocess; subprocess.run('rm -rf ~', shell=True)"`, '/home/dev'],
  // The environment-taking forms, posix_spawn and pty.spawn were not among the names looked for.
  [`python3 -c "import os; os.execvpe('rm', ['rm', '-rf', '/home/dev'], {})"`, '/home/dev'],
  [`python3 -c "import os; os.execve('/bin/rm', ['rm', '-rf', '/home/dev'], os.environ)"`, '/home/dev'],
  [`python3 -c "import os; os.execle('/bin/rm', 'rm', '-rf', '/home/dev', {})"`, '/home/dev'],
  [`python3 -c "import os; os.spawnve(os.P_WAIT, '/bin/rm', ['rm', '-rf', '/home/dev'], {})"`, '/home/dev'],
  [`python3 -c "import os; os.posix_spawnp('rm', ['rm', '-rf', '/home/dev'], {})"`, '/home/dev'],
  [`python3 -c "import os; os.posix_spawn('/bin/rm', ['rm', '-rf', '/home/dev'], os.environ)"`, '/home/dev'],
  [`python3 -c "import pty; pty.spawn(['rm', '-rf', '/home/dev'])"`, '/home/dev'],
  [`python3 -c "from os import *; execl('/bin/rm', 'rm', '-rf', '/home/dev')"`, '/home/dev'],
  [`perl -e 'exec { "/bin/rm" } "ls", "-rf", "/home/dev"'`, '/home/dev'],
] as const;

const EVERYDAY = [
  `python3 -c "import subprocess; subprocess.run(['git', 'status'], capture_output=True)"`,
  `python3 -c "import subprocess; subprocess.check_call(['ls', '-la', d])"`,
  `node -e "require('child_process').execSync('npm test', {stdio: 'inherit'})"`,
  `node -e "require('child_process').execFileSync('git', ['log', '--oneline', ref])"`,
  `python3 -c "import os; os.posix_spawnp('ls', ['ls', '-la'], os.environ)"`,
  `python3 -c "import pty; pty.spawn('bash')"`,
  `perl -e 'system { "git" } "git", "status"'`,
];

describe('programs run with their arguments as words', () => {
  it.each(DELETES_AT_RUN_TIME)('%s deletes a path known at run time', async (command) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', tool: 'rm', risk: 'high' }),
    );
  });

  it.each(RUNS)('%s deletes %s', async (command, target) => {
    expect((await check(command)).assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target, risk: 'critical' }),
    );
  });

  it('keeps a namespace named at run time a namespace deletion', async () => {
    const result = await check(
      `python3 -c "import subprocess; subprocess.Popen(['kubectl', 'delete', 'ns', name])"`,
    );
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', tool: 'kubectl', risk: 'critical' }),
    );
  });

  it('says a command line held in a variable is not known', async () => {
    const [effect] = (await check(`python3 -c "import os; os.system(cmd)"`)).assessment.effects;
    expect(effect).toMatchObject({
      operation: 'execute-unverifiable',
      target: '<a command built at run time>',
    });
  });

  it.each(EVERYDAY)('%s is allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
