import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { SqlParser } from '../sql-parser.js';
import { AWS_FLAGS, AWS_GLOBAL_VALUES, resourceHints } from './aws-names.js';
import { classifyAws } from './aws-rules.js';
import { S3_VALUE_OPTIONS, s3Command } from './aws-s3.js';
import {
  cloudEffect,
  firstEnvHint,
  has,
  hintsFrom,
  parseCloudArgs,
  value,
  type CloudArgs,
} from './common.js';

// `aws [global options] <service> <operation> [options]`: global options may appear anywhere.

/** Services that only read, log in or configure the CLI itself. */
const HARMLESS_SERVICES = new Set([
  'sts',
  'configure',
  'sso',
  'history',
  'help',
  'pricing',
  'ce',
  'login',
  'logout',
]);

function merge(a: CloudArgs, b: CloudArgs): CloudArgs {
  const options = new Map(a.options);
  for (const [k, v] of b.options) options.set(k, [...(options.get(k) ?? []), ...v]);
  return { options, positionals: [...a.positionals, ...b.positionals] };
}

function kebab(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Top-level scalars of an inline --cli-input-json become options, unless the command line sets them. */
function withInputJson(args: CloudArgs): CloudArgs {
  const text = value(args, '--cli-input-json');
  if (!text || !text.trim().startsWith('{')) return args;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return args;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args;
  const options = new Map(args.options);
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    const name = `--${kebab(key)}`;
    if (options.has(name) || options.has(`--no-${name.slice(2)}`)) continue;
    if (v === true) options.set(name, []);
    else if (v === false) options.set(`--no-${name.slice(2)}`, []);
    else if (typeof v === 'string' || typeof v === 'number')
      options.set(name, [{ value: String(v), dynamic: false }]);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      options.set(
        name,
        v.map((x: string) => ({ value: x, dynamic: false })),
      );
  }
  return { ...args, options };
}

export function aws(inv: Invocation, sql?: SqlParser): Effect[] {
  const words = inv.args;
  const pre: Word[] = [];
  const path: Word[] = [];
  let i = 0;
  for (; i < words.length && path.length < 2; i++) {
    const w = words[i]!;
    if (!w.dynamic && w.value.startsWith('-')) {
      pre.push(w);
      if (AWS_GLOBAL_VALUES.has(w.value) && i + 1 < words.length) pre.push(words[++i]!);
      continue;
    }
    path.push(w);
  }
  const [service, op] = path;
  if (!service || (!service.dynamic && HARMLESS_SERVICES.has(service.value))) return [];
  if (!op || (!op.dynamic && op.value === 'help')) return [];
  const rest = words.slice(i);
  const s3 = service.value === 's3';
  const preArgs = parseCloudArgs(pre, { values: AWS_GLOBAL_VALUES, unknownIsFlag: true });
  const restArgs = s3
    ? parseCloudArgs(rest, {
        values: new Set([...S3_VALUE_OPTIONS, ...AWS_GLOBAL_VALUES]),
        unknownIsFlag: true,
      })
    : parseCloudArgs(rest, { flags: AWS_FLAGS, values: AWS_GLOBAL_VALUES, multi: true });
  const args = withInputJson(merge(preArgs, restArgs));

  // Dry runs and skeletons do nothing; `help` anywhere prints the manual.
  if (has(args, '--dry-run', '--dryrun', '--generate-cli-skeleton')) return [];
  if (args.positionals.some((w) => w.value === 'help' && !w.dynamic)) return [];

  const hints: EnvironmentHint[] = [
    ...(has(args, '--profile')
      ? hintsFrom('flag --profile', value(args, '--profile'))
      : firstEnvHint(inv, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE')),
    ...(has(args, '--endpoint-url')
      ? hintsFrom('flag --endpoint-url', value(args, '--endpoint-url'))
      : firstEnvHint(inv, 'AWS_ENDPOINT_URL')),
    ...resourceHints(args),
  ];

  if (op.dynamic) {
    return [
      cloudEffect('aws', {
        operation: 'execute-unverifiable',
        target: `aws ${service.value} ${op.value}`,
        risk: 'high',
        reason: `the AWS operation is computed at run time (${op.value}), so what it does cannot be verified`,
        hints,
      }),
    ];
  }
  const region = value(args, '--region') ?? (inv.env('AWS_REGION') || inv.env('AWS_DEFAULT_REGION'));
  const where = region ? { region } : {};
  if (s3) return s3Command(op.value, args, inv, hints);
  return classifyAws({
    service: service.value,
    op: op.value,
    args,
    hints,
    ...where,
    ...(sql ? { sql } : {}),
  });
}
