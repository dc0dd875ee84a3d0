import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Mounting an image on /mnt/test, or unmounting it, was a high change of a system path. Mount points made
// for the purpose (/mnt/x, /media/x, scratch) hide nothing; mounting over or detaching system paths does.

const allowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
};
const notAllowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
};

describe('mount points made for mounting', () => {
  it.each([
    'mount -o loop,ro /tmp/scratch/disk.img /mnt/test',
    'umount /mnt/test',
    'sudo mount /dev/sdb1 /media/usb',
    'sudo umount -l /mnt/iso',
    'mount -o loop disk.img /tmp/scratch/mnt',
    'umount /run/media/dev/USB',
    'sudo mount -t iso9660 -o ro ubuntu.iso /mnt/cdrom',
  ])('%s is allowed', allowed);

  it.each([
    'umount -lf /home',
    'sudo umount -l /var',
    'sudo mount -o remount,rw /boot',
    'sudo mount --bind /tmp/evil /etc',
    'sudo umount /',
    'sudo umount /proc',
    'sudo umount -a',
    'sudo mount -o loop evil.img /usr/bin',
  ])('%s is not allowed', notAllowed);
});
