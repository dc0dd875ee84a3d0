import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// An agent whose shell is PowerShell or cmd (Codex and Gemini CLI on Windows) sends lines in that shell's
// syntax, not wrapped in `pwsh -c` or `cmd /c`. A cmdlet or a cmd builtin typed so is read as that shell
// reads it; names that only look alike (`update-alternatives`, `rmdir build`) stay what they are.

const DESTROYING = [
  ['Remove-Item -Recurse -Force C:\\Users\\dev', '/C:/Users/dev'],
  ['remove-item -Path C:\\data -Recurse', '/C:/data'],
  ['del /s /q C:\\*', '/C:/*'],
  ['rd /s /q C:\\Users\\dev\\repo', '/C:/Users/dev/repo'],
  ['rmdir /s /q D:\\Backups', '/D:/Backups'],
  ['erase /f /q C:\\Windows\\System32\\drivers\\etc\\hosts', '/C:/Windows/System32/drivers/etc/hosts'],
  // Aliases POSIX has too, given PowerShell's parameters; iex given a command line.
  ['ri -Recurse -Force C:\\Users\\dev', '/C:/Users/dev'],
  ['rmdir -Recurse -Force C:\\Users\\dev', '/C:/Users/dev'],
  ['rm -r -fo C:\\Users\\dev', '/C:/Users/dev'],
  ["iex 'Remove-Item -Recurse -Force C:\\Users\\dev'", '/C:/Users/dev'],
] as const;

/** Cmdlets read above whose verb is not one that destroys: they restart the machine, or copy over a file. */
const ACTING = [
  'Restart-Computer -Force',
  'Copy-Item -Force x.txt C:\\Windows\\System32\\drivers\\etc\\hosts',
] as const;

const HARMLESS = [
  'Get-ChildItem C:\\Users\\dev\\repo',
  'Remove-Item C:\\Users\\dev\\repo\\build -Recurse -WhatIf',
  'Set-Location C:\\Users\\dev\\repo',
  'update-alternatives --display java',
  'rmdir build',
  // Programs on the PATH whose names only look like cmdlets, and Ruby's ri, Elixir's iex.
  'reset-db',
  'stop-server',
  'clear-cache',
  'set-env FOO=bar',
  'ri Array',
  'iex -S mix',
];

describe('lines in PowerShell or cmd syntax', () => {
  it.each(DESTROYING)('%s deletes %s', async (command, target) => {
    const result = await check(command);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target }),
    );
  });

  it('stops the machine with Stop-Computer', async () => {
    expect((await check('Stop-Computer -Force')).decision.outcome).not.toBe('allow');
  });

  it.each(ACTING)('%s is not allowed', async (command) => {
    expect((await check(command)).decision.outcome).not.toBe('allow');
  });

  it.each(HARMLESS)('%s is allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
