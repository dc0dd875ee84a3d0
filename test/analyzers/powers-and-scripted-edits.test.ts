import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Powers handed out by a CLI flag (createuser -s, a MongoDB root user, a Vault root token), Nomad's
// destroying subcommands, and an editor driven by commands that rewrites a file: each was allowed.

describe('server-wide powers and Nomad', () => {
  it.each([
    ['createuser -s eve', 'high'],
    ['createuser --superuser --pwprompt admin2', 'high'],
    ['createuser -r ops', 'high'],
    [`mongosh admin --eval 'db.createUser({user:"x",pwd:"y",roles:["root"]})'`, 'high'],
    [`mongosh admin --eval 'db.grantRolesToUser("app",[{role:"userAdminAnyDatabase",db:"admin"}])'`, 'high'],
    ['vault token create -policy=root', 'high'],
    ['vault token create -policy=default -policy=root -ttl=720h', 'high'],
    ['vault operator generate-root -init', 'high'],
    ['nomad job stop -purge billing', 'high'],
    ['nomad volume delete pg-data', 'critical'],
    ['nomad operator snapshot restore backup.snap', 'critical'],
    ['nomad job scale api web 0', 'high'],
    ['nomad job stop billing', 'medium'],
    ['nomad node drain -enable -yes 4f1c', 'medium'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe(risk);
  });

  it.each([
    'createuser app',
    `mongosh app --eval 'db.createUser({user:"x",pwd:"y",roles:[{role:"readWrite",db:"app"}]})'`,
    'vault token create -policy=dev-ro',
    'vault operator generate-root -status',
    'nomad job status billing',
    'nomad job plan api.nomad.hcl',
    'nomad node status',
    'nomad alloc logs 5b1f',
    'nomad node drain -disable 4f1c',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('NOMAD_ADDR places a purge in production', async () => {
    const r = await check('nomad job stop -purge api', {
      env: { NOMAD_ADDR: 'https://nomad.prod.example.com:4646' },
    });
    expect(r.assessment.effects[0]?.environment).toBe('production');
  });
});

describe('an editor driven by commands rewrites the file', () => {
  it.each([
    "vim -es -c '%d' -c wq /etc/fstab",
    "ex -sc 'g/^/d|x' /etc/hosts",
    "nvim --headless +'%s/^/#/' +wq /etc/ssh/sshd_config",
    "vi -c ':1,$d' -c ':x' /etc/sudoers",
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.some((e) => e.operation === 'modify' && e.risk === 'high')).toBe(true);
  });

  it.each([
    "ex -sc '%d|x' config/production.yml",
    "vim -es -c '%d' -c 'wq' config/production.yml",
    "vim -es -c '1,$delete _' -c x config/database.yml",
    "nvim --headless +'g/^/d' +wq .env.production",
  ])('%s empties a project file: its content deleted, not a routine edit', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    const effect = r.assessment.effects.find((e) => e.operation === 'modify');
    expect(effect?.reason).toMatch(/leaves .* empty/);
  });

  it.each([
    'vim /etc/fstab',
    "vim -es -c 'wq' /etc/fstab",
    "ex -sc '%d|r template.yml|x' config/app.yml",
    "ex -sc '%s/v1\\.2\\.3/v1.2.4/g|x' package.json",
    "vim -c 'set nu' README.md",
    "nvim --headless +'%s/foo/bar/g' +wq src/app.ts",
    "view -c 'q' /etc/hosts",
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
