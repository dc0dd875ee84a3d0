import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrokerConfig, passwordOf } from '../../src/broker/config.js';
import { tempTree } from '../support/tmp.js';

// The broker's file holds privileged passwords: only its owner may read it, and what is in it is checked.

function file(text: string, mode = 0o600): string {
  const path = join(tempTree(), 'broker.yaml');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

const ENTRY = 'postgres:\n  - {name: billing, match: {host: db}, role: deployer, password: pw}\n';

describe('loadBrokerConfig', () => {
  it('reads a private file', () => {
    const config = loadBrokerConfig(file(ENTRY));
    expect(config.psql).toBe('/usr/bin/psql');
    expect(config.postgres[0]).toMatchObject({ name: 'billing', role: 'deployer' });
    expect(passwordOf(config.postgres[0]!)).toBe('pw');
  });

  it('refuses a file group or others can read, or a link, naming it', () => {
    const open = file(ENTRY, 0o640);
    expect(() => loadBrokerConfig(open)).toThrow(
      `${open} is readable or writable by group or others (mode 640)`,
    );
    const link = join(tempTree(), 'link.yaml');
    symlinkSync(file(ENTRY), link);
    expect(() => loadBrokerConfig(link)).toThrow(/link\.yaml is not a regular file/);
  });

  it('says which field is wrong', () => {
    const both = file(
      'postgres:\n  - {name: b, match: {host: db}, role: r, password: p, passwordFile: /x}\n',
    );
    expect(() => loadBrokerConfig(both)).toThrow(/postgres\.0: give exactly one of password or passwordFile/);
    expect(() => loadBrokerConfig(file('psql: psql\n'))).toThrow(/psql: an absolute path/);
  });

  it('a password file must be as private as the configuration', () => {
    const secret = file('pw-from-file\n', 0o644);
    const config = loadBrokerConfig(
      file(`postgres:\n  - {name: b, match: {host: db}, role: r, passwordFile: ${secret}}\n`),
    );
    expect(() => passwordOf(config.postgres[0]!)).toThrow(/password file of broker entry b refused/);
    chmodSync(secret, 0o600);
    expect(passwordOf(config.postgres[0]!)).toBe('pw-from-file');
  });
});

describe('loadBrokerConfig: aws and kubernetes entries', () => {
  const AWS =
    'aws:\n  - {name: prod, match: {profile: prod}, roleArn: "arn:aws:iam::111122223333:role/deployer", source: {accessKeyId: AKIABROKERSOURCE01, secretAccessKey: broker-source-secret-key}}\n';
  const K8S = (verbs: string, namespaces = '[payments]') =>
    `kubernetes:\n  - {name: prod, kubeconfig: /etc/interlock/kubeconfig, context: admin, as: deployer, allows: {verbs: ${verbs}, namespaces: ${namespaces}}}\n`;

  it('reads them, with the region and the program paths defaulted', () => {
    const config = loadBrokerConfig(file(AWS + K8S('[delete, patch]')));
    expect(config.aws[0]).toMatchObject({ name: 'prod', region: 'us-east-1', match: { profile: 'prod' } });
    expect(config.kubernetes[0]).toMatchObject({ as: 'deployer', asGroups: [] });
    expect([config.awsCli, config.kubectl]).toEqual(['/usr/local/bin/aws', '/usr/bin/kubectl']);
  });

  it('refuses unknown keys anywhere, naming the file and the field', () => {
    const path = file(`${AWS}awsProfile: admin\n`);
    expect(() => loadBrokerConfig(path)).toThrow(new RegExp(`${path}: file: .*awsProfile`));
    const nested = file(AWS.replace('match: {profile: prod}', 'match: {profile: prod, account: "1"}'));
    expect(() => loadBrokerConfig(nested)).toThrow(/aws\.0\.match: .*account/);
  });

  it('refuses an entry that grants more than the policies hold for approval', () => {
    for (const verbs of ['["*"]', '[delete, get]', '[list]', '[escalate]']) {
      const path = file(K8S(verbs));
      expect(() => loadBrokerConfig(path)).toThrow(
        new RegExp(
          `${path}: kubernetes\\.0\\.allows\\.verbs\\.\\d+: .*grants more than the policies require`,
        ),
      );
    }
    expect(() => loadBrokerConfig(file(K8S('[delete]', '["*"]')))).toThrow(/namespaces\.0: a namespace name/);
  });

  it('refuses a role ARN that is not one', () => {
    expect(() => loadBrokerConfig(file(AWS.replace('role/deployer', 'user/deployer')))).toThrow(
      /aws\.0\.roleArn: an IAM role ARN/,
    );
  });
});
