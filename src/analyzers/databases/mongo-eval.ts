import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { COMPUTED_MEMBER, findCalls, literalString, type Call } from '../code-calls.js';
import { tokenize, type Token } from '../code-scan.js';

// mongosh / mongo: the JavaScript given with --eval (or on stdin) is scanned for the names of the shell
// methods that drop or delete (db.dropDatabase(), db.users.drop(), deleteMany({})…). There is no JavaScript
// parser here: code-scan.ts tokenizes, separating string literals and comments from code.

const METHODS = new Set([
  'dropDatabase',
  'drop',
  'deleteMany',
  'remove',
  'deleteOne',
  'findOneAndDelete',
  'findAndModify',
  'updateMany',
  'updateOne',
  'update',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'insertOne',
  'insertMany',
  'insert',
  'bulkWrite',
  'renameCollection',
  'dropIndex',
  'dropIndexes',
  'dropUser',
  'dropAllUsers',
  'dropRole',
  'dropAllRoles',
  'createUser',
  'updateUser',
  'grantRolesToUser',
  'revokeRolesFromUser',
  'aggregate',
  'runCommand',
  'adminCommand',
  'shutdownServer',
]);

const COMMAND_KEYS: Record<string, { operation: Operation; risk: Risk; what: string }> = {
  dropDatabase: { operation: 'delete', risk: 'critical', what: 'drops the database' },
  drop: { operation: 'delete', risk: 'high', what: 'drops a collection' },
  delete: { operation: 'delete', risk: 'medium', what: 'deletes documents' },
  shutdown: { operation: 'modify', risk: 'high', what: 'shuts the server down' },
  dropUser: { operation: 'delete', risk: 'high', what: 'drops a user' },
  dropAllUsersFromDatabase: { operation: 'delete', risk: 'high', what: 'drops every user' },
};

function isEmptyObject(arg: readonly Token[] | undefined): boolean {
  if (!arg || arg.length === 0) return true;
  return arg.length === 2 && arg[0]!.text === '{' && arg[1]!.text === '}';
}

/** The database a call acts on: db.getSiblingDB('x') in the receiver chain, else the connection's. */
function databaseOf(call: Call, fallback: string): string {
  for (let c: Call | undefined = call.receiverCall; c; c = c.receiverCall) {
    if (c.name === 'getSiblingDB' || c.name === 'getDB') return literalString(c.args[0]) ?? '<computed>';
  }
  return fallback;
}

function collectionOf(call: Call): string | undefined {
  if (call.receiverCall?.name === 'getCollection')
    return literalString(call.receiverCall.args[0]) ?? COMPUTED_MEMBER;
  const chain = call.receiver;
  const name = chain[chain.length - 1];
  if (!name || chain.length < 2 || name.endsWith('()')) return undefined;
  return chain[0] === 'db' || chain.some((p) => p === 'getSiblingDB()' || p === 'getDB()') ? name : undefined;
}

function onDatabase(call: Call): boolean {
  return call.receiver[0] === 'db' || call.receiverCall !== undefined || call.receiver[0] === 'Mongo()';
}

export function mongoEffects(
  code: string,
  tool: string,
  database: string,
  hints: EnvironmentHint[],
): Effect[] {
  const tokens = tokenize(code, 'js');
  const effects: Effect[] = [];
  let named: EnvironmentHint[] = [];
  const add = (operation: Operation, risk: Risk, target: string, reason: string, category: string) =>
    effects.push({
      operation,
      tool,
      target,
      risk,
      reason,
      category,
      reversible: false,
      hints: [...hints, ...named],
    });
  // `use app` switches the current database for what follows.
  const uses = tokens.flatMap((t, k) => {
    const next = tokens[k + 1];
    return t.kind === 'ident' &&
      t.text === 'use' &&
      next &&
      (next.kind === 'ident' || next.kind === 'string') &&
      !tokens[k - 1]?.text.match(/^[.]$/)
      ? [{ index: k, name: next.text }]
      : [];
  });
  for (const call of findCalls(tokens, METHODS)) {
    if (!onDatabase(call)) continue;
    const current = uses.filter((u) => u.index < call.index).pop()?.name ?? database;
    const db = databaseOf(call, current);
    named = db !== database ? [{ source: 'database name', value: db, weak: true }] : [];
    const collection = collectionOf(call);
    const coll = `collection ${collection ?? '<unknown>'}`;
    const emptyFilter = isEmptyObject(call.args[0]);
    switch (call.name) {
      case 'dropDatabase':
        add('delete', 'critical', `database ${db}`, `dropDatabase() destroys the database ${db}`, 'database');
        break;
      case 'drop':
        // A name computed from db.getCollectionNames() (`.forEach(c => db[c].drop())`): every collection.
        if (collection === COMPUTED_MEMBER && tokens.some((t) => t.text === 'getCollectionNames'))
          add(
            'delete',
            'critical',
            `every collection of ${db}`,
            'drop() on each name of getCollectionNames() destroys every collection and its documents',
            'table',
          );
        else if (collection)
          add(
            'delete',
            'high',
            coll,
            `${collection}.drop() destroys the collection and its documents`,
            'table',
          );
        break;
      case 'deleteMany':
      case 'remove':
        if (!collection) break;
        if (emptyFilter)
          add(
            'delete',
            'high',
            coll,
            `${call.name}({}) with an empty filter deletes every document of ${collection}`,
            'table',
          );
        else
          add(
            'delete',
            'medium',
            coll,
            `${call.name}() deletes the documents of ${collection} matching its filter`,
            'table',
          );
        break;
      case 'deleteOne':
      case 'findOneAndDelete':
        if (collection)
          add('delete', 'medium', coll, `${call.name}() deletes a document of ${collection}`, 'table');
        break;
      case 'findAndModify':
        if (collection && call.args.flat().some((t) => t.text === 'remove'))
          add(
            'delete',
            'medium',
            coll,
            `findAndModify({remove: …}) deletes a document of ${collection}`,
            'table',
          );
        else if (collection)
          add('modify', 'low', coll, `findAndModify() changes a document of ${collection}`, 'table');
        break;
      case 'updateMany':
      case 'update':
        if (!collection) break;
        if (emptyFilter)
          add(
            'modify',
            'high',
            coll,
            `${call.name}({}, …) with an empty filter rewrites every document of ${collection}`,
            'table',
          );
        else
          add(
            'modify',
            'low',
            coll,
            `${call.name}() changes the documents of ${collection} matching its filter`,
            'table',
          );
        break;
      case 'updateOne':
      case 'replaceOne':
      case 'findOneAndUpdate':
      case 'findOneAndReplace':
        if (collection)
          add('modify', 'low', coll, `${call.name}() changes a document of ${collection}`, 'table');
        break;
      case 'insertOne':
      case 'insertMany':
      case 'insert':
        if (collection) add('create', 'low', coll, `${call.name}() adds documents to ${collection}`, 'table');
        break;
      case 'bulkWrite':
        if (collection)
          add(
            'modify',
            'medium',
            coll,
            `bulkWrite() may insert, change and delete documents of ${collection}`,
            'table',
          );
        break;
      case 'renameCollection':
        if (collection)
          add(
            'modify',
            'medium',
            coll,
            `renameCollection() renames ${collection}: whatever uses the old name breaks`,
            'table',
          );
        break;
      case 'dropIndex':
      case 'dropIndexes':
        if (collection)
          add('delete', 'medium', coll, `${call.name}() removes indexes of ${collection}`, 'database');
        break;
      case 'dropUser':
      case 'dropAllUsers':
      case 'dropRole':
      case 'dropAllRoles':
        add(
          'delete',
          'high',
          `${call.name.includes('Role') ? 'roles' : 'users'} of database ${db}`,
          `${call.name}() removes database accounts or roles`,
          'iam',
        );
        break;
      case 'createUser':
      case 'updateUser':
      case 'grantRolesToUser':
      case 'revokeRolesFromUser':
        if (call.name !== 'revokeRolesFromUser' && grantsServerPower(call.args.flat(), db)) {
          add(
            'modify',
            'high',
            `users of database ${db}`,
            `${call.name}() grants a role with power over the whole server`,
            'iam',
          );
          break;
        }
        add(
          'modify',
          call.name === 'createUser' ? 'low' : 'medium',
          `users of database ${db}`,
          `${call.name}() changes database access`,
          'iam',
        );
        break;
      case 'aggregate': {
        const stage = call.args.flat().find((t) => t.text === '$out' || t.text === '$merge');
        if (collection && stage)
          add(
            'replace',
            'medium',
            `output of ${coll}`,
            `aggregate() with ${stage.text} writes its result over another collection`,
            'table',
          );
        break;
      }
      case 'runCommand':
      case 'adminCommand': {
        const key = call.args[0]?.find(
          (t, k, arg) =>
            (t.kind === 'ident' || t.kind === 'string') && arg[k + 1]?.text === ':' && COMMAND_KEYS[t.text],
        );
        const command = key ? COMMAND_KEYS[key.text]! : undefined;
        if (command)
          add(
            command.operation,
            command.risk,
            `database ${db}`,
            `${call.name}({${key!.text}: …}) ${command.what}`,
            'database',
          );
        else if (!call.args[0]?.length || call.args[0][0]?.kind !== 'punct')
          add(
            'modify',
            'medium',
            `database ${db}`,
            `${call.name}() runs a command that could not be read`,
            'database',
          );
        break;
      }
      case 'shutdownServer':
        add('modify', 'high', `database server`, 'shutdownServer() stops the database server', 'database');
        break;
    }
  }
  return effects;
}

/** Built-in roles that hold the whole deployment (`root`, the `…AnyDatabase` roles, cluster and user admins). */
const SERVER_ROLES =
  /^(root|__system|clusterAdmin|userAdmin|userAdminAnyDatabase|dbAdminAnyDatabase|readWriteAnyDatabase|restore|hostManager)$/;

/** Roles that hold the deployment when they are roles of the admin database (they grant any role there). */
const ADMIN_DB_ROLES = /^(dbOwner|userAdmin|dbAdmin)$/;

/** Whether a createUser/grantRolesToUser call's literal arguments name one of those roles. */
function grantsServerPower(tokens: readonly { kind: string; text: string }[], db: string): boolean {
  const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.text);
  const onAdmin = db === 'admin' || strings.includes('admin');
  return strings.some((s) => SERVER_ROLES.test(s) || (onAdmin && ADMIN_DB_ROLES.test(s)));
}
