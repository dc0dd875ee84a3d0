import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Disks, volumes and links below the file system (src/analyzers/storage.ts): each of these was allowed, or
// only guessed at from its verb, because none names a file.

describe('erasing a device, removing a volume or taking a link down is held', () => {
  it.each([
    ['sudo blkdiscard -f /dev/nvme1n1', 'critical'],
    ['sudo blkdiscard -o 0 -l 1G /dev/sdb', 'critical'],
    ['sudo cryptsetup luksErase /dev/sdb1', 'critical'],
    ['sudo cryptsetup -q luksFormat /dev/sdc', 'critical'],
    ['sudo cryptsetup luksKillSlot /dev/sdb1 0', 'high'],
    ['sudo nvme format /dev/nvme0n1 --ses=1', 'critical'],
    ['sudo nvme sanitize -a 2 /dev/nvme0', 'critical'],
    ['sudo hdparm --user-master u --security-erase p /dev/sdb', 'critical'],
    ['sudo sg_format --format /dev/sg1', 'critical'],
    ['sudo lvremove -f vg0/data', 'critical'],
    ['sudo vgremove -y vg0', 'critical'],
    ['sudo pvremove /dev/sdb', 'critical'],
    ['sudo lvreduce -L 10G vg0/data', 'high'],
    ['sudo mdadm --zero-superblock /dev/sdb1', 'critical'],
    ['sudo mdadm --manage /dev/md0 --fail /dev/sdb1', 'high'],
    ['sudo zpool destroy tank', 'critical'],
    ['sudo zfs destroy -r tank/data@snap', 'critical'],
    ['zfs destroy tank/x@snap', 'critical'],
    ['zfs destroy -v tank/x@snap', 'critical'],
    ['sudo zfs rollback -r tank/data@monday', 'critical'],
    ['sudo btrfs subvolume delete /mnt/data/@home', 'critical'],
    ['sudo ip link set eth0 down', 'high'],
    ['sudo ip link set dev ens5 down', 'high'],
    ['sudo ifdown eth0', 'high'],
    ['sudo ifconfig eth0 down', 'high'],
    ['nmcli connection down "Wired connection 1"', 'high'],
    ['sudo tc qdisc add dev eth0 root netem loss 100%', 'high'],
    ['sudo tc qdisc replace dev eth0 root netem delay 2000ms', 'medium'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });

  it.each([
    'sudo nvme list',
    'sudo nvme smart-log /dev/nvme0',
    'sudo hdparm -I /dev/sda',
    'sudo lvs',
    'sudo lvcreate -L 10G -n scratch vg0',
    'sudo zpool status -x',
    'zfs list -t snapshot',
    'sudo zfs snapshot tank/data@before-migration',
    'zfs destroy -n tank/x@snap',
    'sudo zfs destroy -nv tank/x@snap',
    'zfs destroy -nvp -r tank/data@monday',
    'zfs destroy -rn tank/data',
    'sudo btrfs subvolume list /mnt',
    'sudo mdadm --detail /dev/md0',
    'ip link show',
    'ip -br addr',
    'sudo ip link set eth0 up',
    'nmcli device status',
    'tc qdisc show dev eth0',
    'sudo cryptsetup status cryptroot',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
