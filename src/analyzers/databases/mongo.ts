import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { mongoEffects } from './mongo-eval.js';
import { first, getopt, hostHint, stdinSource, unknownSql, uriHints, values } from './common.js';

// mongosh / mongo [address] [--eval code] [script.js…]: connection hints and where the code comes from.
const MONGO_WITH_VALUE = [
  '--eval',
  '--host',
  '--port',
  '-u',
  '--username',
  '-p',
  '--password',
  '--authenticationDatabase',
  '--authenticationMechanism',
  '-f',
  '--file',
  '--tlsCAFile',
  '--tlsCertificateKeyFile',
  '--tlsCertificateKeyFilePassword',
  '--apiVersion',
  '--gssapiServiceName',
  '--sspiHostnamePrincipal',
  '--awsAccessKeyId',
  '--awsSecretAccessKey',
  '--awsSessionToken',
  '--keyVaultNamespace',
  '--kmsURL',
  '--cryptSharedLibPath',
];

function addressHints(address: string): { hints: EnvironmentHint[]; database?: string } {
  if (/^mongodb(\+srv)?:\/\//i.test(address)) {
    const hints = uriHints(address, 'connection string');
    return { hints, database: hints.find((h) => h.source === 'database name')?.value };
  }
  // host[:port]/db or a bare database name
  const slash = address.indexOf('/');
  if (slash >= 0) {
    const host = address.slice(0, slash).replace(/:\d+$/, '');
    const db = address.slice(slash + 1);
    return {
      hints: [
        { source: 'mongo host', value: host },
        { source: 'database name', value: db, weak: true },
      ],
      database: db,
    };
  }
  return { hints: [{ source: 'database name', value: address, weak: true }], database: address };
}

export function mongo(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, MONGO_WITH_VALUE);
  const tool = inv.name;
  const scripts = positionals.filter((w) => /\.(js|mjs|cjs)$/.test(w.value));
  const address = positionals.find((w) => !scripts.includes(w));
  const hints: EnvironmentHint[] = [...hostHint('--host', first(options, '--host'))];
  let database = 'test';
  const host = first(options, '--host');
  if (host && /^mongodb/.test(host.value)) hints.splice(0, hints.length, ...addressHints(host.value).hints);
  if (address && !address.dynamic) {
    const found = addressHints(address.value);
    hints.push(...found.hints);
    if (found.database) database = found.database;
  }
  const effects: Effect[] = [];
  for (const code of values(options, '--eval')) {
    if (code.dynamic && /^\s*\$/.test(code.value))
      effects.push(unknownSql(tool, 'JavaScript built at run time', code.value, hints));
    else effects.push(...mongoEffects(code.value, tool, database, hints));
  }
  for (const file of [...values(options, '-f', '--file'), ...scripts])
    effects.push(unknownSql(tool, `the script ${file.value}`, `script ${file.value}`, hints));
  if (
    values(options, '--eval').length === 0 &&
    scripts.length === 0 &&
    !options.has('--file') &&
    !options.has('-f')
  ) {
    const source = stdinSource(inv);
    if (source && 'unknown' in source)
      effects.push(unknownSql(tool, `JavaScript read from ${source.unknown}`, source.unknown, hints));
    else if (source) effects.push(...mongoEffects(source.text, tool, database, hints));
  }
  return effects;
}
