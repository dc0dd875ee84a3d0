import { parse } from 'yaml';
import { optionValues, type ParsedOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { valueLeaves, type ValueSetting } from './helm-values.js';
import { manifestText } from './manifest-text.js';

// The values files of `helm upgrade -f values-prod.yaml` are read as kubectl's manifests are (manifest-text.ts:
// the edge's reader, its caps and refusals), so `replicaCount: 0` in one is judged as `--set replicaCount=0`.
// A file that is missing, unreadable, a URL or not YAML gives no settings: the release is judged by its names,
// as an unreadable manifest is.

function fileSettings(inv: Invocation, file: string): ValueSetting[] {
  const text = manifestText(inv, file);
  if (text === undefined) return [];
  let values: unknown;
  try {
    values = parse(text);
  } catch {
    return [];
  }
  const from = file === '' || file === '-' ? 'stdin' : file;
  return valueLeaves('', values).map((s) => ({ ...s, file: from }));
}

/** Every value the `-f`/`--values` files set, file after file (a later file's value wins, as in helm). */
export function valuesFileSettings(inv: Invocation, parsed: ParsedOptions): ValueSetting[] {
  return optionValues(parsed, '-f', '--values').flatMap((file) => fileSettings(inv, file));
}
