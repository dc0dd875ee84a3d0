import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// cmd.exe's builtins read as the POSIX commands that do the same (src/shell/cmd-exe.ts), and Windows paths
// rated by their place on the drive (src/shell/windows-paths.ts, src/analyzers/paths.ts): each of the first
// table was allowed, `cmd /c …` being a program no analyzer knew.

describe('what cmd.exe is given to run is judged', () => {
  it.each<[string, Risk]>([
    ['cmd /c "rd /s /q C:\\Users\\dev\\source\\repos\\acme-api"', 'high'],
    ["cmd.exe /c 'del /s /q /f D:\\Backups\\*'", 'high'],
    ["cmd /c 'rd /s /q C:\\'", 'critical'],
    ['CMD /C RD /S /Q C:\\\\Windows', 'critical'],
    ["cmd /c 'rd /s /q C:\\Users\\dev'", 'critical'],
    ["cmd /c 'del /s /q D:\\*'", 'critical'],
    ["cmd /c 'rd /s /q %USERPROFILE%'", 'critical'],
    ['cmd /c "del /f /s /q %SystemRoot%\\*"', 'high'],
    // The quotes cmd removes, Git Bash's //c, a block, a loop, start and call.
    ['cmd.exe /c \'"rd /s /q C:\\Users\\dev"\'', 'critical'],
    ["cmd //c 'rd /s /q C:\\Windows'", 'critical'],
    ['cmd /s /c \'"del /q "C:\\Program Files\\Acme\\acme.dll""\'', 'high'],
    ['cmd /c rd /s /q "C:\\Program Files\\Acme"', 'high'],
    ["cmd /c 'if exist D:\\data (rd /s /q D:\\data) else (echo none)'", 'high'],
    ['cmd /c \'for /d %i in (C:\\Users\\*) do rd /s /q "%i"\'', 'critical'],
    ['cmd /c \'start "" /wait rd /s /q D:\\data\'', 'high'],
    ["cmd /c 'call rd /s /q D:\\data'", 'high'],
    ["cmd /c '@echo off & cd /d D:\\ && rd /s /q data'", 'high'],
    ["cmd /c 'rd /s /q %DEPLOY_DIR%'", 'high'],
    // del /s deletes matching files below: everything (`*`, `*.*`), or those a narrower pattern matches.
    ["cmd /c 'del /s /q D:\\*.*'", 'critical'],
    ["cmd /c 'del /s /q C:\\*.bak'", 'high'],
    ["cmd /c 'for /r C:\\ %f in (*) do del /q %f'", 'critical'],
    ["cmd /c 'for /f %i in (dirs.txt) do rd /s /q %i'", 'high'],
    // robocopy /MIR deletes at the destination what the source lacks: all of it from an empty source.
    ["cmd /c 'robocopy C:\\empty D:\\ /MIR'", 'critical'],
    ["cmd /c 'robocopy C:\\site \\\\web01\\wwwroot /MIR'", 'high'],
    ["cmd /c 'move C:\\data\\app.sqlite D:\\old'", 'medium'],
    ["cmd /c 'ren C:\\Windows\\System32\\drivers\\etc\\hosts hosts.bak'", 'high'],
    ["cmd /c 'echo 10.0.0.5 api > C:\\Windows\\System32\\drivers\\etc\\hosts'", 'high'],
    ["cmd /c 'copy /y nul C:\\data\\app.db'", 'high'],
    // Other programs it starts are assessed as they are.
    ["cmd /c 'powershell -c Remove-Item -Recurse -Force C:\\Users\\dev'", 'critical'],
    ["pwsh -c 'cmd /c rd /s /q C:\\Users\\dev'", 'critical'],
    ["cmd /c 'git clean -fdx && git reset --hard origin/main'", 'medium'],
    // PowerShell and Git Bash name the same places.
    ["pwsh -c 'Remove-Item -Recurse -Force C:\\'", 'critical'],
    ['rm -rf /c/Windows', 'critical'],
    ['rm -rf /mnt/c/Users/dev', 'critical'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it('reads stdin fed to a bare cmd as unverifiable', async () => {
    const r = await check("echo 'rd /s /q C:\\Windows' | cmd");
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects[0]!.operation).toBe('execute-unverifiable');
  });

  it('names the target as the path analysis reads it', async () => {
    const r = await check("cmd /c 'rd /s /q C:\\Windows'");
    expect(r.assessment.effects[0]).toMatchObject({ operation: 'delete', tool: 'rm', target: '/C:/Windows' });
  });
});

describe("cmd.exe's everyday work is allowed", () => {
  it.each([
    "cmd /c 'rd /s /q %TEMP%\\build-1234'",
    "cmd /c 'rd /s /q C:\\Users\\dev\\AppData\\Local\\Temp\\pip-abc'",
    "cmd /c 'del /q C:\\Windows\\Temp\\setup.log'",
    "cmd /c 'if exist dist rd /s /q dist'",
    "cmd /c 'cd build && del /q *.obj'",
    "cmd /c 'del /s /q *.pyc'",
    "cmd /c 'for /r %f in (*.tmp) do del %f'",
    "cmd /c 'for %f in (a.log b.log) do del %f'",
    "cmd /c 'echo a^&rd /s /q C:\\Windows'",
    'cmd /c \'echo "a & rd /s /q C:\\Windows"\'',
    "cmd /c 'robocopy src dist /E'",
    "cmd /c 'robocopy src build /MIR'",
    "cmd /c 'xcopy /s /e /y assets dist'",
    "cmd /c 'dir C:\\ | findstr Users'",
    "cmd /c 'type README.md'",
    "cmd /c 'if not exist build mkdir build'",
    "cmd /c 'set NODE_ENV=test && npm test'",
    'cmd /c set',
    'cmd /c ver',
    'cmd /c "echo hello > out.txt"',
    "cmd /c 'npm run build 2>&1 > NUL'",
    "powershell -NoProfile -Command 'Get-Disk | Format-Table Number, FriendlyName, Size'",
    "pwsh -c 'Get-ChildItem C:\\logs | Format-List Name, Length'",
    "pwsh -c 'Get-Process | ft -AutoSize'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
