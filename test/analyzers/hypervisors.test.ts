import { describe, expect, it } from 'vitest';
import type { Outcome, Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Virtual machines and system containers deleted with their disks (`virsh undefine vm --remove-all-storage`,
// `qm destroy 101`, `lxc delete web --force`) were allowed as unknown programs. Inspecting them stays allowed.

describe('virtual machines and system containers', () => {
  it.each<[string, Risk]>([
    ['virsh undefine db1 --remove-all-storage', 'critical'],
    ['virsh -c qemu+ssh://root@kvm-prod-1/system undefine billing --wipe-storage', 'critical'],
    ['virsh vol-delete billing.qcow2 --pool default', 'critical'],
    ['virsh pool-delete default', 'critical'],
    ['virsh snapshot-revert db1 before-upgrade', 'high'],
    ['virsh undefine db1', 'medium'],
    ['virsh destroy db1', 'medium'], // this machine's VM: high where it may be production
    ['qm destroy 101 --purge', 'critical'],
    ['pct destroy 200', 'critical'],
    ['qm rollback 101 pre-patch', 'high'],
    ['qm stop 101', 'medium'],
    ['VBoxManage unregistervm build-vm --delete', 'critical'],
    ['vboxmanage closemedium disk /vms/data.vdi --delete', 'critical'],
    ['VBoxManage snapshot build-vm restore clean', 'high'],
    ['lxc delete web --force', 'critical'],
    ['incus delete prod:web', 'critical'],
    ['lxc storage volume delete default pgdata', 'critical'],
    ['incus restore web snap0', 'high'],
    ['lxc delete web/snap0', 'medium'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each<[string, Outcome]>([
    ['virsh -c qemu+ssh://root@kvm-prod-1/system destroy billing', 'require-approval'],
    ['incus delete prod:web', 'require-approval'],
  ])('%s is placed in production and held', async (command, outcome) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe(outcome);
  });

  it.each([
    ['lxc delete web --force', 'ask'],
    ['virsh undefine db1 --remove-all-storage', 'ask'],
  ])('%s on this machine is asked about (%s), not sent to peers', async (command, outcome) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('non-production');
    expect(r.decision.outcome).toBe(outcome);
  });

  it.each([
    'virsh list --all',
    'virsh dominfo db1',
    'virsh snapshot-list db1',
    'virsh start db1',
    'qm list',
    'qm config 101',
    'pct list',
    'VBoxManage list vms',
    'VBoxManage showvminfo build-vm',
    'VBoxManage unregistervm --help',
    'lxc list',
    'lxc info web',
    'incus launch images:debian/12 web',
    'lxc stop web',
    'lxc storage volume list default',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('their commands not read here', () => {
  it.each(["ssh prod-kvm-1 'virsh blockcommit db1 vda --active --pivot'", "ssh prod-web-1 'flask run'"])(
    '%s stays unverifiable on a production host',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    },
  );
});
