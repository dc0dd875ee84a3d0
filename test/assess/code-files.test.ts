import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { evaluate } from '../../src/app/evaluate.js';
import type { ShellCheck } from '../../src/app/checker.js';
import { AGENT, sharedRuntime } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';

// Issue 14: `python3 drop_old.py`, `node cleanup.js`, `./cleanup.py` run code the agent may have just
// written. The file, read through the edge's reader, is scanned like `python -c` code, with the knowledge of
// cloud and Kubernetes SDKs and of database drivers. (Files are written into a temp directory, never run.)

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = tempTree(files);
  roots.push(root);
  for (const name of Object.keys(files))
    if (files[name]!.startsWith('#!')) chmodSync(join(root, name), 0o755);
  return root;
}

async function run(command: string, root: string, env: Record<string, string> = {}) {
  const rt = await sharedRuntime();
  // The home directory is elsewhere, as it is for a real project (serving `.` does not serve ~).
  const facts = localFacts({ cwd: root, env: { HOME: '/nonexistent/home', PATH: '/usr/bin:/bin', ...env } });
  const result = await evaluate({ kind: 'shell', command }, facts, AGENT, rt);
  const check: ShellCheck = rt.checker.checkShell(command, facts, AGENT);
  return { check, result };
}

const reasons = (c: ShellCheck) => c.assessment.effects.map((e) => `${e.operation} ${e.target}: ${e.reason}`);

const py = (...lines: string[]) => `${lines.join('\n')}\n`;

interface Case {
  command: string;
  files: Record<string, string>;
  /** Text every reason list must contain (the API, the file and line). */
  says: RegExp;
  production?: true;
  env?: Record<string, string>;
}

const DESTRUCTIVE: Case[] = [
  {
    command: 'python3 drop_old.py',
    files: {
      'drop_old.py': py(
        'import boto3',
        "rds = boto3.client('rds')",
        "rds.delete_db_instance(DBInstanceIdentifier='billing-prod', SkipFinalSnapshot=True)",
      ),
    },
    says: /rds\.delete_db_instance.*billing-prod.*drop_old\.py:3/,
    production: true,
  },
  {
    command: 'python terminate.py',
    files: {
      'terminate.py': py(
        'import boto3',
        "ec2 = boto3.client('ec2')",
        "ec2.terminate_instances(InstanceIds=['i-0abc'])",
      ),
    },
    says: /terminate_instances/,
  },
  {
    command: 'python3 wipe_logs.py',
    files: {
      'wipe_logs.py': py(
        'import boto3',
        "s3 = boto3.resource('s3')",
        "s3.Bucket('logs-production').objects.all().delete()",
      ),
    },
    says: /logs-production/,
    production: true,
  },
  {
    command: 'python3 ddb.py',
    files: { 'ddb.py': py('import boto3', "boto3.client('dynamodb').delete_table(TableName='orders')") },
    says: /delete_table.*orders/,
  },
  {
    command: 'python3 teardown.py',
    files: {
      'teardown.py': py(
        'import boto3',
        "cf = boto3.client('cloudformation')",
        "cf.delete_stack(StackName='api')",
      ),
    },
    says: /delete_stack/,
    production: true,
    env: { AWS_PROFILE: 'prod' },
  },
  {
    command: 'python3 iam_cleanup.py',
    files: {
      'iam_cleanup.py': py(
        'import boto3',
        "iam = boto3.client('iam')",
        "iam.delete_role(RoleName='deployer')",
      ),
    },
    says: /delete_role/,
  },
  {
    command: 'python3 k8s_ns.py',
    files: {
      'k8s_ns.py': py(
        'from kubernetes import client, config',
        'config.load_kube_config()',
        'v1 = client.CoreV1Api()',
        "v1.delete_namespace('payments')",
      ),
    },
    says: /delete_namespace.*payments.*k8s_ns\.py:4/,
  },
  {
    command: 'python3 k8s_deploy.py',
    files: {
      'k8s_deploy.py': py(
        'from kubernetes import client',
        "client.AppsV1Api().delete_namespaced_deployment(name='web', namespace='prod')",
      ),
    },
    says: /delete_namespaced_deployment/,
    production: true,
  },
  {
    command: 'python3 reset_db.py',
    files: {
      'reset_db.py': py(
        'import psycopg2',
        "conn = psycopg2.connect('postgresql://app@db.prod.internal/billing')",
        'cur = conn.cursor()',
        'cur.execute("DROP TABLE users")',
      ),
    },
    says: /users.*cur\.execute.*reset_db\.py:4/,
    production: true,
  },
  {
    command: 'python3 purge.py',
    files: {
      'purge.py': py(
        'import sqlite3',
        'QUERY = "TRUNCATE orders"',
        "c = sqlite3.connect('x.db').cursor()",
        'c.execute(QUERY)',
      ),
    },
    says: /orders/,
  },
  {
    command: 'python3 drop_named.py',
    files: {
      'drop_named.py': py('import psycopg', 'def go(cur, name):', '    cur.execute(f"DROP TABLE {name}")'),
    },
    says: /DROP|drop|table/i,
  },
  {
    command: 'python3 kube.py',
    files: {
      'kube.py': py('import subprocess', "subprocess.run(['kubectl', 'delete', 'namespace', 'prod'])"),
    },
    says: /namespace/,
    production: true,
  },
  {
    command: 'python3 -m tools.cleanup',
    files: { 'tools/__init__.py': '', 'tools/cleanup.py': py('import shutil', "shutil.rmtree('/srv/data')") },
    says: /\/srv\/data.*tools\/cleanup\.py:2/,
  },
  {
    command: './cleanup.py --yes',
    files: {
      'cleanup.py': py('#!/usr/bin/env python3', 'import os', "os.system('rm -rf /var/lib/postgresql')"),
    },
    says: /\/var\/lib\/postgresql/,
  },
  {
    command: 'uv run drop_old.py',
    files: {
      'drop_old.py': py('import boto3', "boto3.client('rds').delete_db_cluster(DBClusterIdentifier='main')"),
    },
    says: /delete_db_cluster/,
  },
  {
    command: 'poetry run python drop_old.py',
    files: {
      'drop_old.py': py('import boto3', "boto3.client('rds').delete_db_cluster(DBClusterIdentifier='main')"),
    },
    says: /delete_db_cluster/,
  },
  {
    command: 'node cleanup.js',
    files: {
      'cleanup.js': py(
        "const { execSync } = require('child_process');",
        "execSync('kubectl delete ns prod');",
      ),
    },
    says: /ns|namespace/,
    production: true,
  },
  {
    command: 'node rds.mjs',
    files: {
      'rds.mjs': py(
        "import { RDSClient, DeleteDBInstanceCommand } from '@aws-sdk/client-rds';",
        'const rds = new RDSClient({});',
        "await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'billing-prod' }));",
      ),
    },
    says: /DeleteDBInstanceCommand.*billing-prod.*rds\.mjs:3/,
    production: true,
  },
  {
    command: 'node s3.js',
    files: {
      's3.js': py(
        "const { S3Client, DeleteBucketCommand } = require('@aws-sdk/client-s3');",
        "new S3Client().send(new DeleteBucketCommand({ Bucket: 'assets' }));",
      ),
    },
    says: /DeleteBucketCommand/,
  },
  {
    command: 'node ns.js',
    files: {
      'ns.js': py(
        "const k8s = require('@kubernetes/client-node');",
        'const api = kc.makeApiClient(k8s.CoreV1Api);',
        "await api.deleteNamespace({ name: 'staging' });",
      ),
    },
    says: /deleteNamespace.*staging/,
  },
  {
    command: 'node truncate.js',
    files: {
      'truncate.js': py(
        "const { Client } = require('pg');",
        'const client = new Client();',
        "await client.query('TRUNCATE orders');",
      ),
    },
    says: /orders/,
  },
  {
    command: 'tsx scripts/drop.ts',
    files: {
      'scripts/drop.ts': py(
        "import { DynamoDBClient, DeleteTableCommand } from '@aws-sdk/client-dynamodb';",
        "await new DynamoDBClient({}).send(new DeleteTableCommand({ TableName: 'orders' }));",
      ),
    },
    says: /DeleteTableCommand/,
  },
  {
    command: 'deno run -A wipe.ts',
    files: { 'wipe.ts': py("await Deno.remove('/srv/data', { recursive: true });") },
    says: /\/srv\/data/,
  },
  {
    command: 'bun run purge.ts',
    files: {
      'purge.ts': py("import fs from 'node:fs';", "fs.rmSync('/var/www', { recursive: true, force: true });"),
    },
    says: /\/var\/www/,
  },
  {
    command: 'ruby wipe.rb',
    files: { 'wipe.rb': py("require 'fileutils'", "FileUtils.rm_rf('/srv/app')") },
    says: /\/srv\/app.*wipe\.rb:2/,
  },
  {
    command: 'perl purge.pl',
    files: {
      'purge.pl': py(
        'use DBI;',
        "my $dbh = DBI->connect('dbi:Pg:dbname=billing');",
        '$dbh->do("DROP DATABASE billing");',
      ),
    },
    says: /billing/,
  },
  {
    command: 'php drop.php',
    files: { 'drop.php': py('<?php', "$pdo = new PDO('pgsql:host=db');", '$pdo->exec("DROP TABLE users");') },
    says: /users/,
  },
  {
    command: 'python3 ns_loop.py',
    files: {
      'ns_loop.py': py(
        'import subprocess',
        'for ns in ["a", "b"]:',
        '    subprocess.run(f"kubectl delete namespace {ns}", shell=True)',
      ),
    },
    says: /namespace.*ns_loop\.py:3/,
  },
  {
    command: 'python3 sqs.py',
    files: {
      'sqs.py': py(
        'import boto3',
        "session = boto3.Session(profile_name='production')",
        "session.client('sqs').purge_queue(QueueUrl=url)",
      ),
    },
    says: /purge_queue.*run time/,
    production: true,
  },
  {
    command: 'python3 pods.py',
    files: {
      'pods.py': py(
        'from kubernetes import client, config',
        "config.load_kube_config(context='prod-cluster')",
        "client.CoreV1Api().delete_collection_namespaced_pod('web')",
      ),
    },
    says: /delete_collection_namespaced_pod/,
    production: true,
  },
  {
    command: 'python3 concat.py',
    files: {
      'concat.py': py('import pymysql', 'def purge(cur, table):', '    cur.execute("DELETE FROM " + table)'),
    },
    says: /DELETE|delete/,
  },
  {
    command: 'python3 gcs.py',
    files: {
      'gcs.py': py(
        'from google.cloud import storage',
        "storage.Client().bucket('media-prod').delete(force=True)",
      ),
    },
    says: /media-prod.*Google Cloud/,
    production: true,
  },
  {
    command: 'python3 rg.py',
    files: {
      'rg.py': py(
        'from azure.mgmt.resource import ResourceManagementClient',
        "client.resource_groups.begin_delete('rg-shared')",
      ),
    },
    says: /begin_delete.*rg-shared/,
  },
  {
    command: 'ruby rds.rb',
    files: {
      'rds.rb': py(
        "require 'aws-sdk-rds'",
        'rds = Aws::RDS::Client.new',
        "rds.delete_db_instance(db_instance_identifier: 'db-prod')",
      ),
    },
    says: /delete_db_instance.*db-prod/,
    production: true,
  },
];

describe('a program file that destroys is assessed by its content', () => {
  it.each(DESTRUCTIVE.map((c) => [c.command, c] as const))('%s', async (_, c) => {
    const { check } = await run(c.command, project(c.files), c.env);
    expect(check.assessment.destructive, reasons(check).join('\n')).toBe(true);
    expect(reasons(check).join('\n')).toMatch(c.says);
    if (c.production) expect(check.assessment.environment).toBe('production');
    expect(check.decision.outcome).not.toBe('allow');
  });
});

const HARMLESS: [string, Record<string, string>][] = [
  [
    'python3 report.py',
    { 'report.py': py('import json', "data = json.load(open('data.json'))", 'print(len(data))') },
  ],
  ['python3 write_out.py', { 'write_out.py': py("with open('out.txt', 'w') as f:", "    f.write('hello')") }],
  [
    'python3 list_instances.py',
    {
      'list_instances.py': py('import boto3', "ec2 = boto3.client('ec2')", 'print(ec2.describe_instances())'),
    },
  ],
  [
    'python3 pods.py',
    {
      'pods.py': py(
        'from kubernetes import client',
        "print(client.CoreV1Api().list_namespaced_pod('default'))",
      ),
    },
  ],
  [
    'python3 query.py',
    {
      'query.py': py(
        'import sqlite3',
        "cur = sqlite3.connect('app.db').cursor()",
        'cur.execute("SELECT * FROM users WHERE id = ?", (1,))',
        'print(cur.fetchall())',
      ),
    },
  ],
  [
    'python3 manage.py test',
    {
      'manage.py': py(
        'import sys',
        'from django.core.management import execute_from_command_line',
        'execute_from_command_line(sys.argv)',
      ),
    },
  ],
  ['python3 -m http.server 8000', {}],
  ['python3 -m pytest -q', {}],
  ['python3 status.py', { 'status.py': py('import subprocess', "subprocess.run(['git', 'status'])") }],
  [
    'python3 helpers.py',
    { 'helpers.py': py('import boto3', 'def delete_bucket(name):', '    print("would delete", name)') },
  ],
  [
    'node server.js',
    {
      'server.js': py(
        "const http = require('http');",
        "http.createServer((q, s) => s.end('ok')).listen(3000);",
      ),
    },
  ],
  [
    'node build.js',
    {
      'build.js': py(
        "const fs = require('fs');",
        "fs.rmSync('dist', { recursive: true, force: true });",
        "fs.mkdirSync('dist');",
        "fs.writeFileSync('dist/app.js', 'console.log(1)');",
      ),
    },
  ],
  [
    'node list.mjs',
    {
      'list.mjs': py(
        "import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';",
        "await new S3Client().send(new ListObjectsV2Command({ Bucket: 'assets' }));",
      ),
    },
  ],
  [
    'node cache.js',
    { 'cache.js': py("require('@aws-sdk/client-s3');", 'const cache = new Map();', "cache.delete('k');") },
  ],
  [
    'node select.js',
    { 'select.js': py("const { Client } = require('pg');", "await new Client().query('SELECT 1');") },
  ],
  [
    'node lint.js',
    { 'lint.js': py("const { execSync } = require('child_process');", "execSync('eslint .');") },
  ],
  ['node missing.js', {}],
  ['deno run --allow-net server.ts', { 'server.ts': py("Deno.serve(() => new Response('ok'));") }],
  ['tsx src/index.ts', { 'src/index.ts': py("console.log('hello');") }],
  ['bun run build', { 'package.json': '{"scripts":{"build":"tsc"}}' }],
  ['ruby hello.rb', { 'hello.rb': py("puts File.read('README.md')") }],
  ['perl count.pl', { 'count.pl': py("open(my $fh, '<', 'x.txt') or die;", 'print scalar(<$fh>);') }],
  ['php info.php', { 'info.php': py('<?php', 'echo phpversion();') }],
  ['./tool.py --check', { 'tool.py': py('#!/usr/bin/env python3', 'import shutil', 'print("ok")') }],
  [
    'python3 api.py',
    {
      'api.py': py(
        'import boto3',
        'from fastapi import FastAPI',
        'app = FastAPI()',
        '@app.delete("/items/{item_id}")',
        'def remove(item_id: int):',
        '    return {"ok": True}',
      ),
    },
  ],
  [
    'python3 orm.py',
    {
      'orm.py': py(
        'from sqlalchemy import select',
        'from sqlalchemy.orm import Session',
        'users = session.query(User).all()',
        'rows = session.execute(select(User)).scalars()',
      ),
    },
  ],
  [
    'node scripts/clean.js',
    {
      'scripts/clean.js': py(
        "const path = require('path');",
        "require('fs').rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });",
      ),
    },
  ],
  [
    'python3 tidy.py',
    {
      'tidy.py': py(
        'import os, subprocess, tempfile',
        'tmp = tempfile.mktemp()',
        'subprocess.run(cmd, check=True)',
        'os.remove(tmp)',
      ),
    },
  ],
  [
    'node run.js',
    { 'run.js': py("const { execSync } = require('child_process');", 'execSync(process.argv[2]);') },
  ],
  [
    'python3 notes.py',
    { 'notes.py': py('# cleans the local cache before we deploy to kubernetes', 'cache.delete_entry("k")') },
  ],
];

describe('everyday programs stay allowed', () => {
  it.each(HARMLESS)('%s', async (command, files) => {
    const { check } = await run(command, project(files));
    expect(check.assessment.destructive, reasons(check).join('\n')).toBe(false);
    expect(check.decision.outcome).toBe('allow');
  });
});

describe('the program file is part of what an approval binds', () => {
  it('the same command with other file content is another action', async () => {
    const drop = (id: string) =>
      py('import boto3', `boto3.client('rds').delete_db_instance(DBInstanceIdentifier='${id}')`);
    const root = project({ 'drop_old.py': drop('a') });
    const first = await run('python3 drop_old.py', root);
    const again = await run('python3 drop_old.py', root);
    writeFileSync(join(root, 'drop_old.py'), drop('b'));
    const edited = await run('python3 drop_old.py', root);
    expect(again.result.binding.digest).toBe(first.result.binding.digest);
    expect(edited.result.binding.digest).not.toBe(first.result.binding.digest);
  });

  it('python3 -m names the module file as an input', async () => {
    const root = project({ 'tools/cleanup.py': py('print(1)') });
    const { check } = await run('python3 -m tools.cleanup', root);
    expect(check.assessment.inputs.paths).toContain(join(root, 'tools/cleanup.py'));
  });
});

describe('SQL a program builds at run time is not allowed silently', () => {
  it('cur.execute(query) with a query from elsewhere', async () => {
    const files = {
      'run_sql.py': py(
        'import sys, psycopg2',
        'query = sys.argv[1]',
        'psycopg2.connect().cursor().execute(query)',
      ),
    };
    const { check } = await run('python3 run_sql.py', project(files));
    expect(reasons(check).join('\n')).toMatch(/SQL built at run time/);
    expect(check.decision.outcome).not.toBe('allow');
  });
});

describe('a program file that cannot be read is unverifiable', () => {
  it('written by the same command before it runs', async () => {
    const command = "cat > gen.py <<'EOF'\nprint(1)\nEOF\npython3 gen.py";
    const { check } = await run(command, project({}));
    expect(reasons(check).join('\n')).toMatch(/execute-unverifiable .*gen\.py.*written by this command/);
  });

  it.each([
    [
      'python3 big.py',
      { 'big.py': `print(1)\n${'# padding line for a very large generated program\n'.repeat(25000)}` },
      /big\.py.*larger than/,
    ],
    ['node blob.js', { 'blob.js': 'x\0\0\0' }, /blob\.js.*not text/],
  ])('%s', async (command, files, says) => {
    const { check } = await run(command, project(files));
    expect(reasons(check).join('\n')).toMatch(says);
    expect(check.decision.outcome).not.toBe('allow');
  });
});
