import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Windows' administration tools (src/analyzers/windows.ts), typed in Git Bash, through cmd /c or from
// PowerShell: each of these was allowed, or only guessed at from its verb. Their read forms are listed in
// src/assess/read-only-host-tools.ts, so a production host may still be looked at.

describe("Windows' tools that destroy backups, logs, boot settings, disks or access are held", () => {
  it.each<[string, Risk]>([
    ['vssadmin delete shadows /all /quiet', 'critical'],
    ['cmd /c vssadmin delete shadows /all /quiet', 'critical'],
    ['vssadmin.exe Delete Shadows /For=C: /Quiet', 'critical'],
    ['vssadmin delete shadows /shadow={c5946237-af12-3f23-af80-51aadb3b20d5}', 'high'],
    ['vssadmin delete shadowstorage /for=D:', 'critical'],
    ['vssadmin resize shadowstorage /for=C: /on=C: /maxsize=401MB', 'high'],
    ['wbadmin delete catalog -quiet', 'critical'],
    ['wbadmin delete systemstatebackup -keepversions:0', 'critical'],
    ['wbadmin delete backup -version:03/31/2025-09:00', 'critical'],
    ['wbadmin disable backup -quiet', 'high'],
    ["powershell -NoProfile -Command 'wevtutil cl Security; wevtutil cl System'", 'high'],
    ['wevtutil clear-log Application', 'high'],
    ['wevtutil cl Application /bu:C:\\logs\\app.evtx', 'medium'],
    ['wevtutil sl Microsoft-Windows-PowerShell/Operational /e:false', 'medium'],
    ['bcdedit /set {default} recoveryenabled No', 'high'],
    ["cmd /c 'bcdedit /set {default} bootstatuspolicy ignoreallfailures'", 'high'],
    ['bcdedit /set testsigning on', 'high'],
    ['bcdedit /set {current} safeboot minimal', 'medium'],
    ['bcdedit /delete {a1b2c3d4-0000-0000-0000-000000000000}', 'high'],
    ['bcdedit /deletevalue {default} safeboot', 'high'],
    ['cmd /c format E: /FS:NTFS /Q /Y', 'critical'],
    ['format.com D: /q /y', 'critical'],
    ['diskpart /s wipe-disk.txt', 'high'],
    ["diskpart <<'EOF'\nselect disk 1\nclean\nEOF", 'critical'],
    ['reg delete "HKLM\\SOFTWARE\\Acme" /f', 'high'],
    ['reg delete "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Acme" /f', 'high'],
    ['reg delete "HKCU\\Software\\Acme" /va /f', 'medium'],
    // Turns the antivirus off (protectionOff in windows.ts): high since stop 29, medium before.
    [
      'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
      'high',
    ],
    ['reg add "HKLM\\SOFTWARE\\Acme" /v Level /d 4 /f', 'medium'],
    ['icacls "C:\\inetpub\\wwwroot" /grant Everyone:F /T', 'high'],
    ['icacls D:\\shares\\finance /grant "Everyone:(OI)(CI)F"', 'high'],
    ['icacls C:\\data /grant *S-1-1-0:M', 'high'],
    ['takeown /f "C:\\Windows\\System32" /r /d y', 'high'],
    ['net user bob /delete', 'high'],
    ['net localgroup administrators eve /add', 'high'],
    ['net group "Domain Admins" eve /add /domain', 'high'],
    ['net stop MSSQLSERVER', 'high'],
    ['schtasks /delete /tn "Nightly Backup" /f', 'high'],
    ['schtasks /delete /tn "Nightly Backup"', 'medium'],
    ['sc delete WinDefend', 'high'],
    ['sc.exe stop MSSQLSERVER', 'high'],
    ['sc config WinDefend start= disabled', 'medium'],
    ['shutdown /s /t 0', 'high'],
    ['shutdown /r /f /t 0', 'high'],
    ["pwsh -c 'Stop-Computer -Force'", 'high'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  // Protections switched off and accounts locked out (stop 29): each was allowed or "a machine-wide setting".
  it.each<[string, Risk]>([
    ['net user administrator /active:no', 'high'],
    ['net user dev NewPass123', 'medium'],
    ["icacls 'C:\\Windows\\System32' /reset /t", 'high'],
    ["icacls 'C:\\data' /setowner Everyone /t", 'high'],
    ["icacls 'C:\\data' /deny 'Everyone:F'", 'medium'],
    ["icacls 'C:\\data' /inheritance:r", 'medium'],
    ["reg add 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend' /v Start /t REG_DWORD /d 4 /f", 'high'],
    [
      "reg add 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender' /v DisableAntiSpyware /t REG_DWORD /d 1 /f",
      'high',
    ],
    [
      "reg add 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System' /v EnableLUA /t REG_DWORD /d 0 /f",
      'high',
    ],
    ["reg add 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog' /v Start /d 4 /f", 'high'],
    ['netsh advfirewall set allprofiles state off', 'high'],
    ['netsh firewall set opmode disable', 'high'],
    ['netsh advfirewall firewall delete rule name=all', 'high'],
    ['netsh advfirewall reset', 'medium'],
    ['netsh interface set interface Ethernet admin=disabled', 'high'],
  ])('%s turns a protection off or locks someone out (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it('says what is gone', async () => {
    const r = await check('vssadmin delete shadows /all /quiet');
    expect(r.assessment.effects[0]).toMatchObject({
      operation: 'delete',
      tool: 'vssadmin',
      target: 'every shadow copy',
      category: 'backup',
    });
  });
});

describe("Windows' tools that look, or change little, are allowed", () => {
  it.each([
    'vssadmin list shadows',
    'vssadmin list shadowstorage',
    'vssadmin resize shadowstorage /for=C: /on=C: /maxsize=UNBOUNDED',
    'wbadmin get versions',
    'wevtutil qe System /c:20 /rd:true /f:text',
    'wevtutil el',
    'bcdedit /enum',
    'bcdedit',
    'format /?',
    'diskpart',
    'reg query "HKLM\\SOFTWARE\\Acme" /s',
    'reg add "HKCU\\Software\\Acme" /v Theme /d dark /f',
    'cipher /w:D:',
    'icacls C:\\data',
    'icacls C:\\projects\\acme /grant "dev:(OI)(CI)M"',
    'takeown /f C:\\projects\\acme\\locked.txt',
    'net user',
    'net user bob',
    'net localgroup administrators',
    'net start',
    'schtasks /query /fo LIST /v',
    'sc query WinDefend',
    'sc qc MSSQLSERVER',
    'sc config Acme start= auto',
    'shutdown /a',
    'net user dev /add',
    'netsh advfirewall show allprofiles',
    'netsh advfirewall set currentprofile state on',
    'netsh interface show interface',
    'netsh interface set interface Ethernet enable',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe("a Windows production host's read forms are not denied", () => {
  it.each([
    'vssadmin list shadows',
    'wbadmin get versions',
    'wevtutil qe Security /c:5 /f:text',
    'bcdedit /enum',
    'reg query HKLM\\SOFTWARE\\Acme',
    'sc query MSSQLSERVER',
    'schtasks /query',
    'net localgroup administrators',
    'icacls D:\\data',
    'cmd /c vssadmin list shadows',
  ])('ssh prod-win-1 %s', async (remote) => {
    const r = await check(`ssh prod-win-1 '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'vssadmin delete shadows /all /quiet',
    'reg delete HKLM\\SOFTWARE\\Acme /f',
    'sc stop MSSQLSERVER',
    'schtasks /create /tn x /tr C:\\x.exe /sc daily',
    'net user bob Passw0rd!',
  ])('ssh prod-win-1 %s is not allowed', async (remote) => {
    const r = await check(`ssh prod-win-1 '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
