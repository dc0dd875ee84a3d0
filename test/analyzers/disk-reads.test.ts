import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// `sfdisk -d /dev/sda` (a dump of the table) was a critical rewrite of it and `wipefs --no-act --all` (a dry
// run) destroyed every file system. Only writing the table and erasing signatures do.

const allowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
};
const notAllowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
};

describe('partition tables and signatures only read', () => {
  it.each([
    'sfdisk -d /dev/sda > /tmp/scratch/sda-table.txt',
    'sfdisk --dump /dev/nvme0n1',
    'sudo sfdisk -l /dev/sda',
    'sfdisk --json /dev/sdb',
    'sfdisk -V /dev/sda',
    'sfdisk --show-size /dev/sda',
    'sfdisk -F /dev/sda',
    'sfdisk --show-geometry /dev/sda',
    'sfdisk --part-type /dev/sda 1',
    'sfdisk -n /dev/sdb < /tmp/scratch/table.txt',
    'wipefs --no-act --all /dev/sdb',
    'wipefs -n -a /dev/sdb',
    'sudo wipefs -a -n /dev/nvme0n1',
    'wipefs /dev/sdb',
    'wipefs --output TYPE,UUID /dev/sdb1',
  ])('%s is allowed', allowed);

  it.each([
    'sfdisk --delete /dev/sda 2',
    'sfdisk /dev/sdb < table.txt',
    "echo 'label: gpt' | sfdisk /dev/sdb",
    'sfdisk --part-type /dev/sda 1 83',
    'sfdisk -N 2 /dev/sda',
    'sfdisk --reorder /dev/sda',
    'sfdisk -d /dev/sda | sfdisk /dev/sdb',
    'wipefs -a /dev/sdb',
    'wipefs --all --force /dev/sdb',
    'wipefs -o 0x438 /dev/sdb1',
  ])('%s is not allowed', notAllowed);
});
