import { describe, expect, it } from 'vitest';
import type { Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// macOS's administration tools (src/analyzers/macos.ts): disks erased, Time Machine stopped or its
// backups deleted, the system's protections turned off, a keychain deleted. Each was allowed. Their read
// forms are listed in src/assess/read-only-host-tools.ts.

describe("macOS's tools that erase disks, stop backups or remove protections are held", () => {
  it.each<[string, Risk]>([
    ['diskutil eraseDisk JHFS+ Untitled disk2', 'critical'],
    ['sudo diskutil eraseVolume APFS Backup /Volumes/TimeMachine', 'critical'],
    ['diskutil apfs deleteVolume disk1s5', 'critical'],
    ['diskutil apfs deleteContainer disk3', 'critical'],
    ['diskutil apfs eraseVolume disk3s1 -name Data', 'critical'],
    ['diskutil erasedisk APFS Clean /dev/disk4', 'critical'],
    ['sudo diskutil zeroDisk disk4', 'critical'],
    ['sudo diskutil randomDisk 3 disk4', 'critical'],
    ['sudo diskutil secureErase 2 disk4', 'critical'],
    ['diskutil partitionDisk disk3 GPT APFS Data 100%', 'critical'],
    ['diskutil reformat disk2s1', 'critical'],
    ['diskutil cs delete 9E2C5D3A-1111-2222-3333-444455556666', 'critical'],
    ['diskutil unmountDisk force disk3', 'medium'],
    ['sudo tmutil disable', 'high'],
    ['sudo tmutil disablelocal', 'high'],
    ['sudo tmutil delete /Volumes/TM/Backups.backupdb/mac/2025-03-01-101010', 'high'],
    ['sudo tmutil deletelocalsnapshots /', 'high'],
    ['tmutil thinlocalsnapshots / 100000000000 4', 'high'],
    ['sudo tmutil removedestination 0C1D2E3F-AAAA-BBBB-CCCC-DDDDEEEEFFFF', 'high'],
    ['csrutil disable', 'high'],
    ['csrutil authenticated-root disable', 'high'],
    ['sudo spctl --master-disable', 'high'],
    ['sudo spctl --global-disable', 'high'],
    ['security delete-keychain ~/Library/Keychains/login.keychain-db', 'high'],
    ['defaults delete com.apple.dock', 'medium'],
    ['defaults delete -g', 'medium'],
    ['sudo launchctl bootout system/com.apple.backupd', 'medium'],
    ['sudo launchctl unload -w /System/Library/LaunchDaemons/com.apple.backupd-helper.plist', 'medium'],
    // Accounts, through the directory service or sysadminctl, as userdel and usermod are.
    ['sudo dscl . -delete /Users/alice', 'high'],
    ['dscl . delete /Users/alice', 'high'],
    ['dscl /Local/Default -delete /Groups/staff', 'high'],
    ['sudo dscl . -append /Groups/admin GroupMembership mallory', 'high'],
    ['dscl . -passwd /Users/alice newpass', 'medium'],
    ['sudo sysadminctl -deleteUser alice -secure', 'high'],
    ['sysadminctl -resetPasswordFor alice -newPassword x', 'medium'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it('names the disk erased', async () => {
    const r = await check('diskutil eraseDisk JHFS+ Untitled disk2');
    expect(r.assessment.effects[0]).toMatchObject({ operation: 'delete', tool: 'diskutil', target: 'disk2' });
  });
});

describe("macOS's tools that look, or change little, are allowed", () => {
  it.each([
    'diskutil list',
    'diskutil info disk0',
    'diskutil apfs list',
    'diskutil verifyVolume /',
    'diskutil unmountDisk disk3',
    'diskutil secureErase freespace 1 /Volumes/Data',
    'tmutil listbackups',
    'tmutil status',
    'tmutil listlocalsnapshots /',
    'sudo tmutil enable',
    'tmutil startbackup --auto',
    'csrutil status',
    'spctl --status',
    'spctl --assess --verbose /Applications/Safari.app',
    'security list-keychains',
    'defaults read com.apple.dock',
    'defaults write com.apple.dock autohide -bool true',
    'launchctl list',
    'dscl . -list /Users',
    'dscl . -read /Users/alice',
    'dscacheutil -q user',
    'sysadminctl -secureTokenStatus alice',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe("a macOS production host's read forms are not denied", () => {
  it.each([
    'diskutil list',
    'diskutil info -plist disk0',
    'tmutil listbackups',
    'tmutil latestbackup',
    'csrutil status',
    'spctl --status',
    'defaults read /Library/Preferences/com.apple.TimeMachine',
    'launchctl print system/com.apple.backupd',
  ])('ssh prod-mac-1 %s', async (remote) => {
    const r = await check(`ssh prod-mac-1 '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'diskutil eraseDisk APFS X disk2',
    'tmutil disable',
    'tmutil startbackup',
    'spctl --master-disable',
  ])('ssh prod-mac-1 %s is not allowed', async (remote) => {
    const r = await check(`ssh prod-mac-1 '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});
