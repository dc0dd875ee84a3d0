import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInheritance } from '../../src/adapters/creds/inheritance.js';
import { tempTree } from '../support/tmp.js';

// The edge: which files it reads, where the tools' own variables move them, and what it refuses to read.

const KUBE = (context: string) =>
  `users: [{name: u, user: {token: fakeTok}}]\ncontexts: [{name: ${context}, context: {user: u}}]\n`;

describe('reading what the agent inherited', () => {
  it('follows the variables that move credential files', () => {
    const home = tempTree({
      'a/kube1': KUBE('one'),
      'a/kube2': KUBE('two'),
      'a/aws-creds': '[x]\naws_access_key_id=A\n',
      'a/pgpass': 'h:5432:*:u:p\n',
      '.aws/credentials': '[ignored]\n',
    });
    const files = readInheritance(
      {
        KUBECONFIG: `${join(home, 'a/kube1')}:${join(home, 'a/kube2')}`,
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'a/aws-creds'),
        PGPASSFILE: join(home, 'a/pgpass'),
      },
      home,
    ).files;
    expect(files.map((f) => [f.kind, f.path.slice(home.length)])).toEqual([
      ['aws-credentials', '/a/aws-creds'],
      ['kubeconfig', '/a/kube1'],
      ['kubeconfig', '/a/kube2'],
      ['pgpass', '/a/pgpass'],
    ]);
  });

  it('notes presence-only stores without reading them, and lists private keys only', () => {
    const home = tempTree({
      '.azure/msal_token_cache.bin': 'x',
      '.ssh/id_rsa': 'x',
      '.ssh/id_rsa.pub': 'x',
      '.ssh/config': 'x',
    });
    expect(readInheritance({}, home).files.map((f) => [f.kind, f.path.slice(home.length), f.text])).toEqual([
      ['azure-tokens', '/.azure/msal_token_cache.bin', undefined],
      ['ssh-key', '/.ssh/id_rsa', undefined],
    ]);
  });

  it.each([
    [
      'a FIFO',
      (path: string) => {
        execFileSync('mkfifo', [path]);
      },
    ],
    ['a directory', (path: string) => mkdirSync(path)],
    ['a file over 1 MiB', (path: string) => writeFileSync(path, `[p]\n${'#'.repeat(1024 * 1024)}`)],
  ])('skips %s', (_what, make) => {
    const home = tempTree({ '.aws/.keep': '' });
    make(join(home, '.aws/credentials'));
    expect(readInheritance({}, home).files).toEqual([]);
  });
});
