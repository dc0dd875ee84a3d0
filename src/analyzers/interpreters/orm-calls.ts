import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { findCalls, hasTrueOption, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import { databaseHints } from '../databases/common.js';

// Rows and tables deleted through an ORM in code an interpreter or a framework console runs: `User.delete_all`
// (Active Record, Ecto), `User.objects.all().delete()` (Django), `session.query(User).delete()` and
// `db.drop_all()` (SQLAlchemy), `sequelize.sync({ force: true })`, `prisma.user.deleteMany()`,
// `User::truncate()` and `DB::table('users')->delete()` (Laravel), `dataSource.dropDatabase()`. No SQL text is
// there for the SQL assessment to read, so each is judged as the statement it stands for: every row of a
// table (DELETE without WHERE: high), the rows a condition selects (medium), a table (high), every table or
// the database (critical). Common words (`delete`, `truncate`, `drop`) count only on a receiver that is a
// query or a model, never on a file, a string or an HTTP client.

interface Found {
  risk: Risk;
  target: string;
  /** What the call does, for the reason: "deletes every row of User". */
  does: string;
}

/** Query-builder steps that narrow what a delete reaches. */
const NARROWING = new Set([
  'where',
  'filter',
  'filter_by',
  'exclude',
  'get',
  'find',
  'find_by',
  'find_by!',
  'limit',
  'take',
  'first',
  'last',
  'whereIn',
  'whereKey',
  'rewhere',
  'not',
]);

const stepsOf = (call: Call) => call.receiver.map((r) => r.replace(/\(\)$/, ''));
const isModel = (name: string | undefined) => name !== undefined && /^[A-Z][A-Za-z0-9_]*$/.test(name);
/** The string given to the chain's `table('users')` / `collection('users')` step, if any. */
function namedStep(call: Call, steps: readonly string[]): string | undefined {
  for (let c = call.receiverCall; c; c = c.receiverCall)
    if (steps.includes(c.name)) return literalString(c.args[0]);
  return undefined;
}

/** An argument list that selects nothing: `()`, `({})`, `({ where: {} })`. */
function selectsEverything(args: readonly Token[][]): boolean {
  const flat = args.flat().map((t) => t.text);
  const text = flat.join('');
  return flat.length === 0 || text === '{}' || /^\{where:\{\}\}$/.test(text);
}

const everyRow = (model: string): Found => ({
  risk: 'high',
  target: `every row of ${model}`,
  does: `deletes every row of ${model}`,
});
const someRows = (model: string): Found => ({
  risk: 'medium',
  target: `rows of ${model}`,
  does: `deletes the rows a condition selects from ${model}`,
});
const dropsTable = (what: string): Found => ({
  risk: 'high',
  target: what,
  does: `drops ${what} and its data`,
});
const EVERY_TABLE: Found = {
  risk: 'critical',
  target: 'every table',
  does: "drops every table (and its data) of the application's database",
};
const RECREATES: Found = {
  risk: 'critical',
  target: 'every table',
  does: "drops and re-creates, empty, every table of the application's database",
};

/** The model or table a row delete reaches, and whether the chain narrows it. */
function rowsDeleted(call: Call, model: string | undefined): Found | undefined {
  if (!model) return undefined;
  return stepsOf(call).some((s) => NARROWING.has(s)) ? someRows(model) : everyRow(model);
}

function found(call: Call): Found | undefined {
  const steps = stepsOf(call);
  const head = steps[0];
  const first = literalString(call.args[0]);
  switch (call.name) {
    case 'delete_all':
    case 'destroy_all':
      // Active Record (`User.where(…).delete_all`), Ecto (`Repo.delete_all(Invoice)`).
      if (head === 'Repo' || head?.endsWith('.Repo') || steps.at(-1) === 'Repo') {
        const model = call.args[0]?.map((t) => t.text).join('');
        return model ? rowsDeleted(call, model) : undefined;
      }
      return rowsDeleted(call, isModel(head) ? head : steps.length ? steps.join('.') : undefined);
    case 'delete_by':
    case 'destroy_by':
      return isModel(head) ? someRows(head!) : undefined;
    case 'delete': {
      // Django: Model.objects…delete(); SQLAlchemy: session.query(Model)…delete(); Laravel: DB::table('t')…->delete(),
      // Model::where(…)->delete(), Model::query()->delete().
      if (steps.includes('objects') && isModel(head)) return rowsDeleted(call, head);
      const query = queryOf(call);
      if (query) return rowsDeleted(call, query);
      const table = namedStep(call, ['table']);
      if (table && head === 'DB') return rowsDeleted(call, table);
      if (isModel(head) && (steps.includes('query') || steps.includes('where')))
        return rowsDeleted(call, head);
      return undefined;
    }
    case 'deleteMany':
      // Prisma (`prisma.user.deleteMany()`), MongoDB drivers (`collection('x').deleteMany({})`).
      if (!steps.length) return undefined;
      return selectsEverything(call.args)
        ? everyRow(namedStep(call, ['collection']) ?? steps.at(-1)!)
        : someRows(namedStep(call, ['collection']) ?? steps.at(-1)!);
    case 'destroy':
      // Sequelize: Model.destroy({ truncate: true }) / ({ where: {} }).
      if (!isModel(head)) return undefined;
      return hasTrueOption(call.args, 'truncate') || (selectsEverything(call.args) && call.args.length > 0)
        ? everyRow(head!)
        : undefined;
    case 'truncate':
    case 'truncate_tables': {
      // A model (`User::truncate()`, `User.truncate()`), a table step (`DB::table('t')->truncate()`), a connection.
      const table = namedStep(call, ['table']) ?? first;
      if (isModel(head) && steps.length === 1) return everyRow(head!);
      if (table && (head === 'DB' || steps.includes('connection') || steps.includes('knex')))
        return everyRow(table);
      return undefined;
    }
    case 'drop_all':
    case 'dropAllTables':
    case 'drop_database':
    case 'dropDatabase':
      return steps.length ? EVERY_TABLE : undefined;
    case 'drop_table':
    case 'drop_tables':
    case 'dropTable':
    case 'dropTableIfExists':
    case 'dropIfExists':
    case 'dropCollection':
      if (!steps.length || (call.name === 'dropIfExists' && head !== 'Schema')) return undefined;
      return dropsTable(`table ${first ?? '<named at run time>'}`);
    case 'drop':
      // Laravel Schema::drop('t'), a driver's db.collection('t').drop(), Sequelize's sequelize.drop().
      if (head === 'Schema' && first) return dropsTable(`table ${first}`);
      if (namedStep(call, ['collection'])) return dropsTable(`collection ${namedStep(call, ['collection'])}`);
      return head === 'sequelize' && steps.length === 1 ? EVERY_TABLE : undefined;
    case 'sync':
      // Sequelize: sync({ force: true }) drops every table and creates it again, empty.
      return steps.length && hasTrueOption(call.args, 'force') ? RECREATES : undefined;
    case 'synchronize':
      // TypeORM: dataSource.synchronize(true) drops the schema first.
      return steps.length && call.args[0]?.[0]?.text === 'true' ? RECREATES : undefined;
  }
  return undefined;
}

/** SQLAlchemy's `session.query(User)…`: the model the query is of. */
function queryOf(call: Call): string | undefined {
  for (let c = call.receiverCall; c; c = c.receiverCall)
    if (c.name === 'query' && c.args[0]?.length === 1 && isModel(c.args[0][0]!.text))
      return c.args[0][0]!.text;
  return undefined;
}

const NAMES = new Set([
  'delete_all',
  'destroy_all',
  'delete_by',
  'destroy_by',
  'delete',
  'deleteMany',
  'destroy',
  'truncate',
  'truncate_tables',
  'drop_all',
  'dropAllTables',
  'drop_database',
  'dropDatabase',
  'drop_table',
  'drop_tables',
  'dropTable',
  'dropTableIfExists',
  'dropIfExists',
  'dropCollection',
  'drop',
  'sync',
  'synchronize',
]);

/** The application's database, when the environment names it. */
function databaseUrlHints(inv: Invocation): EnvironmentHint[] {
  const url = inv.env('DATABASE_URL');
  return url ? databaseHints(url) : [];
}

/** Effects of ORM deletions in `tokens` (see the top of this file). */
export function ormCallEffects(
  tokens: Token[],
  lang: Lang,
  tool: string,
  inv: Invocation,
): { effect: Effect; index: number }[] {
  const hints = databaseUrlHints(inv);
  const out: { effect: Effect; index: number }[] = [];
  for (const call of findCalls(tokens, NAMES, lang === 'ruby')) {
    const f = found(call);
    if (!f) continue;
    const via = [...call.receiver, call.name].join('.');
    out.push({
      effect: {
        operation: 'delete',
        tool,
        target: f.target,
        reversible: false,
        risk: f.risk,
        reason: `${tool}: ${via} ${f.does}`,
        category: 'database',
        hints,
      },
      index: call.index,
    });
  }
  return out;
}
