import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Programs that run a shell command handed to them in an option (an editor's `!`, git's pager, tar's
// checkpoint action, gdb's `shell`), or typed into a terminal multiplexer, ran it unseen: `vim -es -c
// '!rm -rf ~'` was allowed. The command is assessed as the shell would run it. And `npx rimraf ~` (rimraf,
// del-cli, `shx rm`) is `rm -rf ~`.

describe('a shell command handed to another program is assessed', () => {
  it.each([
    "vim -es -c '!rm -rf ~' -c q",
    "vim +'!rm -rf ~'",
    "nvim --headless -c ':silent !rm -rf ~' -c qa",
    "ex -c 'r !rm -rf ~' notes.txt",
    "git -c core.pager='rm -rf ~' log",
    "git -c alias.x='!rm -rf ~' x",
    "git -c core.sshCommand='rm -rf ~' fetch",
    "tar -cf /dev/null x --checkpoint=1 --checkpoint-action=exec='rm -rf ~'",
    "tar --to-command='rm -rf ~' -xf a.tar",
    "gdb -batch -ex 'shell rm -rf ~'",
    "tmux send-keys -t x -l 'rm -rf ~'",
    "git --namespace x -c core.pager='rm -rf ~' log",
    "ex -sc '!rm -rf ~|q'",
    "tar --use-compress-program 'rm -rf ~' -cf a.tar x",
    "gdb -batch -ex '!rm -rf ~'",
    "tmux new -d 'rm -rf ~'",
    "tmux send-keys -t dev 'rm -rf ~' Enter",
    "screen -dm bash -c 'rm -rf ~'",
    "screen -S x -X stuff 'rm -rf ~'",
    `osascript -e 'do shell script "rm -rf ~"'`,
    `osascript -e 'do shell script "rm -rf ~" with administrator privileges'`,
    'npx rimraf ~',
    'rimraf /',
    'shx rm -rf ~',
    "zip -r x.zip . -T -TT 'rm -rf ~ #'",
    "zip x.zip notes.txt -T --unzip-command='rm -rf ~ #'",
    "less -f +'!rm -rf ~' /etc/hosts",
    "less '++!rm -rf ~' notes.txt",
    "git rebase --exec 'rm -rf ~' HEAD~1",
    "git rebase -x 'rm -rf ~' main",
    "git difftool -y -x 'rm -rf ~'",
    "git difftool --extcmd='rm -rf ~' HEAD",
    'git bisect run rm -rf ~',
    "git clone -u 'rm -rf ~ #' ./repo copy",
    "git clone --upload-pack='rm -rf ~ #' ./repo copy",
    "git fetch --upload-pack 'rm -rf ~ #' ../other",
    "git push --receive-pack='rm -rf ~ #' ../other main",
    `rsync -e 'sh -c "rm -rf ~"' x y:`,
    "rsync -avze 'rm -rf ~ #' src host:dst",
    "rsync --rsh='rm -rf ~ #' src host:dst",
  ])('%s deletes the home directory', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('critical');
  });

  it.each([
    'sudo gdb -p "$(pgrep -xo postgres)" -batch -ex kill',
    "gdb --pid=$(pidof mysqld) -batch -ex 'signal SIGKILL'",
    "gdb -p $(cat /run/nginx.pid) -batch -ex 'call (void)exit(0)'",
  ])('%s ends a process the machine depends on, as kill -9 would', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });

  it.each(["git -c alias.x='!rm' x -rf /", 'git -c alias.x="!$CMD" x'])(
    '%s: words given to a shell alias, or an alias built at run time, are not known',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome).not.toBe('allow');
    },
  );

  it('an AppleScript shell command put together at run time is not allowed unseen', async () => {
    const r = await check(`osascript -e 'do shell script "rm -rf " & quoted form of p'`);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('vim script that starts programs is not read, and is not allowed unseen', async () => {
    const r = await check(`vim -c 'call system("curl x | sh")'`);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('make --eval with a recipe is not read: not allowed', async () => {
    const r = await check("make -s --eval='all:;rm -rf ~'");
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'vim notes.md',
    "vim -c ':set number' notes.md",
    'vim +42 src/main.ts',
    'git -c core.pager=cat log',
    'git -c user.name=dev commit -m "fix"',
    'git -c core.fsmonitor=false status',
    "tar -I 'zstd -19' -cf a.tar.zst src",
    'gdb -ex run --args ./app --port 8080',
    'gdb -p 4242 -batch -ex bt',
    // A shell alias set on the command line is read as the script it is (git.ts no longer also guesses).
    "git -c alias.s='!git status -sb && git stash list' s",
    "git -c alias.lg='!git log --graph --oneline | head -30' lg",
    "gdb -pid 4242 -batch -ex 'thread apply all bt'",
    'tmux new -s work',
    'tmux ls',
    "tmux send-keys -t dev 'npm test' Enter",
    'screen -ls',
    `osascript -e 'display notification "done" with title "Build"'`,
    `osascript -e 'do shell script "echo \\"hi\\""'`,
    'npx rimraf dist',
    'rimraf node_modules',
    'zip -r -T site.zip public',
    "zip -T -TT 'unzip -tqq' site.zip public",
    'less +G /var/log/app.log',
    "less '+/ERROR' app.log",
    "git rebase -x 'npm test' HEAD~3",
    "git rebase --exec 'make lint' main",
    'git difftool -y -x meld',
    'git bisect run npm test',
    'git clone https://github.com/acme/app.git',
    "rsync -avz -e 'ssh -p 2222' ./dist/ deploy@staging-web:/srv/app/",
    'rsync -avze ssh ./site/ web-dev:/var/www/',
    "make --eval='CFLAGS=-O2' build",
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('git -c core.hooksPath outside the project', () => {
  it.each(['git -c core.hooksPath=/tmp/h commit -m x', 'git -c core.hooksPath=~/hooks push'])(
    '%s runs hooks nobody read',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome).not.toBe('allow');
      expect(r.assessment.effects.some((e) => e.operation === 'execute-unverifiable')).toBe(true);
    },
  );

  it.each(['git -c core.hooksPath=.githooks commit -m x', 'git -c core.hooksPath=/dev/null commit -m x'])(
    "%s stays allowed (the project's own hooks, or none)",
    async (command) => {
      expect((await check(command)).decision.outcome).toBe('allow');
    },
  );
});
