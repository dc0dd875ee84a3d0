import type { Analyzer } from './analyzer.js';
import { atlas } from './databases/atlas.js';
import { cbt } from './databases/cbt.js';
import { couchbaseCli } from './databases/couchbase.js';
import { mongo } from './databases/mongo.js';
import { mongoRestore } from './databases/mongo-tools.js';
import { nodetool } from './databases/nodetool.js';
import { clickhouse, cqlsh } from './databases/other-sql.js';
import { mysqlsh } from './databases/mysqlsh.js';
import { SQL_SHELLS, sqlplus, sqlShell, usql } from './databases/sql-shells.js';
import { mysql, mysqladmin } from './databases/mysql.js';
import { pgRestore, pgTool, psql } from './databases/postgres.js';
import { redis } from './databases/redis.js';
import { sqlite } from './databases/sqlite.js';
import type { SqlParser } from './sql-parser.js';

// Database clients: SQL given to psql/mysql/sqlite3 (flags, files, stdin) is parsed with libpg-query
// (databases/sql-assess.ts); mongosh --eval JavaScript and redis-cli commands are matched by name; the
// PostgreSQL and MySQL admin tools (dropdb, pg_restore --clean, mysqladmin drop) by their arguments. The
// SQL shells of warehouses and other servers (trino, beeline, sqlcmd, snowsql…) are tables in sql-shells.ts;
// the administration CLIs of hosted databases (Bigtable's cbt, couchbase-cli, MongoDB Atlas) and Cassandra's
// nodetool are tables too; mongorestore and mongoimport are read by their options (--drop).
export function databasesAnalyzer(sql: SqlParser): Analyzer {
  return {
    family: 'databases',
    commands: [
      'psql',
      'mysql',
      'mariadb',
      'sqlite3',
      'sqlite',
      'mongosh',
      'mongo',
      'mongorestore',
      'mongoimport',
      'redis-cli',
      'valkey-cli',
      'dropdb',
      'dropuser',
      'createdb',
      'createuser',
      'pg_restore',
      'mysqladmin',
      'mariadb-admin',
      'cqlsh',
      'nodetool',
      'clickhouse-client',
      'clickhouse',
      'duckdb',
      'mysqlsh',
      ...Object.keys(SQL_SHELLS),
      'sqlplus',
      'cbt',
      'couchbase-cli',
      'atlas',
    ],
    local: false,
    environmentVariables: [
      'PGHOST',
      'PGHOSTADDR',
      'PGDATABASE',
      'PGSERVICE',
      'DATABASE_URL',
      'MYSQL_HOST',
      'REDIS_URL',
      'MONGODB_URI',
    ],
    analyze(inv) {
      switch (inv.name) {
        case 'psql':
          return psql(inv, sql);
        case 'mysql':
        case 'mariadb':
          return mysql(inv, sql);
        case 'sqlite3':
        case 'sqlite':
        case 'duckdb':
          return sqlite(inv, sql);
        case 'mongosh':
        case 'mongo':
          return mongo(inv);
        case 'mongorestore':
        case 'mongoimport':
          return mongoRestore(inv);
        case 'redis-cli':
        case 'valkey-cli':
          return redis(inv);
        case 'dropdb':
        case 'dropuser':
        case 'createdb':
        case 'createuser':
          return pgTool(inv);
        case 'pg_restore':
          return pgRestore(inv);
        case 'mysqladmin':
        case 'mariadb-admin':
          return mysqladmin(inv);
        case 'cqlsh':
          return cqlsh(inv, sql);
        case 'nodetool':
          return nodetool(inv);
        case 'clickhouse-client':
        case 'clickhouse':
          return clickhouse(inv, sql);
        case 'mysqlsh':
          return mysqlsh(inv, sql);
        case 'usql':
          return usql(inv, sql);
        case 'sqlplus':
          return sqlplus(inv, sql);
        case 'cbt':
          return cbt(inv);
        case 'couchbase-cli':
          return couchbaseCli(inv);
        case 'atlas':
          return atlas(inv);
      }
      const shell = SQL_SHELLS[inv.name];
      return shell ? sqlShell(inv, sql, shell) : [];
    },
  };
}
