import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_ENVIRONMENT_PATTERNS, tokenPattern, type EnvironmentPatterns } from '../core/environment.js';
import { DEFAULT_PACKS, packSource } from '../policy/packs.js';
import type { PolicySource } from '../policy/policy-file.js';
import { findProjectConfigDir, userConfigDir } from './discover.js';
import { ConfigFile } from './schema.js';
import { InputError } from '../core/errors.js';

/** A configuration file that cannot be used; `file` and `line` say where. */
export class ConfigError extends InputError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}

/** A setting's value and the file that set it ("built-in default" when nobody did). */
interface Setting<T> {
  value: T;
  from: string;
}

interface ConfigLayer {
  scope: 'user' | 'project';
  dir: string;
  configFile?: string;
  config: ConfigFile;
  policyFiles: string[];
}

export interface LoadedConfig {
  layers: ConfigLayer[];
  packs: Setting<string[]>;
  approvalsDefault: Setting<number>;
  approvalsGroup: Setting<string | undefined>;
  approvalsExpiry: Setting<string>;
  unknownEnvironment: Setting<'production' | 'non-production'>;
  patterns: EnvironmentPatterns;
  /** Where the environment patterns came from, for `policy list` / `explain`. */
  patternsFrom: string[];
  /** Every policy to load: the packs first, then user policies, then project policies. */
  sources: PolicySource[];
  /** The project's .interlock directory, if any (policy tests live there). */
  projectDir?: string;
}

const DEFAULT = 'built-in default';

/** Read config.yaml / config.yml / config.json with errors that name the file, the line and the fix. */
function readConfigFile(file: string): ConfigFile {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax)
    throw new ConfigError(
      `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${syntax.message.split('\n')[0]}`,
      file,
      lineCounter.linePos(syntax.pos[0]).line,
    );
  const parsed = ConfigFile.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  const keys = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
  const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
  const keyNode = issue.code === 'unrecognized_keys' ? findKeyOffset(text, issue.keys[0]!) : undefined;
  const offset = keyNode ?? node?.range?.[0];
  const where = path.length ? `${path.join('.')}: ` : '';
  const fix =
    issue.code === 'unrecognized_keys'
      ? ` (remove or rename it; see \`interlock init\` for a commented example)`
      : '';
  throw new ConfigError(
    `${where}${issue.message}${fix}`,
    file,
    offset === undefined ? undefined : lineCounter.linePos(offset).line,
  );
}

function findKeyOffset(text: string, key: string): number | undefined {
  const match = new RegExp(`(^|\\n)\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`).exec(text);
  return match ? match.index + match[1]!.length : undefined;
}

function readLayer(dir: string, scope: ConfigLayer['scope']): ConfigLayer | undefined {
  if (!existsSync(dir)) return undefined;
  const configFile = ['config.yaml', 'config.yml', 'config.json']
    .map((f) => join(dir, f))
    .find((f) => existsSync(f));
  const policiesDir = join(dir, 'policies');
  const policyFiles = existsSync(policiesDir)
    ? readdirSync(policiesDir)
        .filter((f) => f.endsWith('.cedar'))
        .sort()
        .map((f) => join(policiesDir, f))
    : [];
  const layer: ConfigLayer = {
    scope,
    dir,
    config: configFile ? readConfigFile(configFile) : {},
    policyFiles,
  };
  if (configFile) layer.configFile = configFile;
  return layer;
}

/** A pattern from config: `/regex/flags`, or a word matched as a token like the built-in ones. */
function compilePattern(pattern: string, file: string): RegExp {
  const m = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (!m) return tokenPattern(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  try {
    return new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`);
  } catch (error) {
    throw new ConfigError(
      `environments: ${pattern} is not a valid regular expression (${(error as Error).message})`,
      file,
    );
  }
}

/** Later layers (the project) override earlier ones (the user) key by key; each value remembers its file. */
function pick<T>(layers: ConfigLayer[], get: (c: ConfigFile) => T | undefined, fallback: T): Setting<T> {
  let setting: Setting<T> = { value: fallback, from: DEFAULT };
  for (const layer of layers) {
    const value = get(layer.config);
    if (value !== undefined) setting = { value, from: layer.configFile ?? layer.dir };
  }
  return setting;
}

/** Load the user's and the project's configuration and policies. Throws ConfigError on any bad file. */
export function loadConfig(cwd: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const projectDir = findProjectConfigDir(cwd);
  const userDir = userConfigDir(env);
  const layers = [
    readLayer(userDir, 'user'),
    projectDir && projectDir !== userDir ? readLayer(projectDir, 'project') : undefined,
  ].filter((l): l is ConfigLayer => l !== undefined);
  const packs = pick(layers, (c) => c.packs, DEFAULT_PACKS);
  let patterns: EnvironmentPatterns = {
    production: [...DEFAULT_ENVIRONMENT_PATTERNS.production],
    nonProduction: [...DEFAULT_ENVIRONMENT_PATTERNS.nonProduction],
    declaredNonProduction: [],
  };
  const patternsFrom: string[] = [DEFAULT];
  for (const layer of layers) {
    const envs = layer.config.environments;
    if (!envs) continue;
    const file = layer.configFile ?? layer.dir;
    const production = (envs.production ?? []).map((p) => compilePattern(p, file));
    const nonProduction = [
      ...(envs.staging ?? []),
      ...(envs.development ?? []),
      ...(envs.nonProduction ?? []),
    ].map((p) => compilePattern(p, file));
    // What the team declared also lowers weak hints (a folder or resource name); the defaults do not.
    if (envs.replaceDefaults) {
      patterns = { production, nonProduction, declaredNonProduction: nonProduction };
      patternsFrom.length = 0;
    } else
      patterns = {
        production: [...patterns.production, ...production],
        nonProduction: [...patterns.nonProduction, ...nonProduction],
        declaredNonProduction: [...(patterns.declaredNonProduction ?? []), ...nonProduction],
      };
    patternsFrom.push(file);
  }
  const sources: PolicySource[] = [];
  for (const name of packs.value) {
    try {
      sources.push(packSource(name));
    } catch (error) {
      throw new ConfigError(`packs: ${(error as Error).message}`, packs.from);
    }
  }
  for (const layer of layers)
    for (const file of layer.policyFiles) sources.push({ origin: file, text: readFileSync(file, 'utf8') });
  const config: LoadedConfig = {
    layers,
    packs,
    approvalsDefault: pick(layers, (c) => c.approvals?.default, 2),
    approvalsGroup: pick<string | undefined>(layers, (c) => c.approvals?.group, undefined),
    approvalsExpiry: pick(layers, (c) => c.approvals?.expiry, '1h'),
    unknownEnvironment: pick(layers, (c) => c.environments?.unknown, 'production'),
    patterns,
    patternsFrom,
    sources,
  };
  if (projectDir) config.projectDir = projectDir;
  return config;
}
