import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { EnvironmentPatterns } from '../core/environment.js';
import { packSource } from '../policy/packs.js';
import type { PolicySource } from '../policy/policy-file.js';
import { findProjectConfigDir, userConfigDir } from './discover.js';
import { ConfigError } from './errors.js';
import { MANAGED_CONFIG_DIR, managedDirProblem } from './managed.js';
import { choosePacks, type PacksSetting } from './pack-choice.js';
import { mergePatterns } from './patterns.js';
import { configFileSchema, type ConfigFile } from './schema.js';
import { isDelegated, layerFile, TIGHTER, tightest, type ConfigLayer, type Setting } from './tiers.js';

export { ConfigError };
export type { Setting };

export interface LoadedConfig {
  /** The tiers found, highest first: managed, user, project. */
  layers: ConfigLayer[];
  packs: PacksSetting;
  approvalsDefault: Setting<number>;
  approvalsGroup: Setting<string | undefined>;
  approvalsExpiry: Setting<string>;
  unknownEnvironment: Setting<'production' | 'non-production'>;
  patterns: EnvironmentPatterns;
  /** Where the environment patterns came from, for `policy list` / `explain`. */
  patternsFrom: string[];
  /** Lower-tier environment settings that were ignored, and why. */
  patternsIgnored: string[];
  /** Every policy to load: the packs first, then managed, user and project policies. */
  sources: PolicySource[];
  /** The project's .interlock directory, if any (policy tests live there). */
  projectDir?: string;
}

export interface LoadOptions {
  /** The managed tier's directory; /etc/interlock unless a test says otherwise. Never from the environment. */
  managedDir?: string;
}

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
  const parsed = configFileSchema().safeParse(doc.toJS() ?? {});
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

/** The managed tier, when its directory exists; one that anybody but root could have written is an error. */
function readManagedLayer(dir: string): ConfigLayer | undefined {
  if (!existsSync(dir)) return undefined;
  const problem = managedDirProblem(dir);
  if (problem)
    throw new ConfigError(
      `the managed configuration is not trusted: ${problem} (it must be owned by root and writable by nobody else)`,
      dir,
    );
  return readLayer(dir, 'managed');
}

function policySources(layers: readonly ConfigLayer[], packs: PacksSetting): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const pack of packs.chosen) {
    try {
      const source = packSource(pack.name);
      sources.push(pack.tightenOnly ? { ...source, tightenOnly: true } : source);
    } catch (error) {
      throw new ConfigError(`packs: ${(error as Error).message}`, pack.from);
    }
  }
  // User and project policies may only tighten what the managed tier and the packs decide.
  const lowerMayLoosen = isDelegated(layers, 'policies');
  for (const layer of layers)
    for (const file of layer.policyFiles) {
      const source: PolicySource = { origin: file, text: readFileSync(file, 'utf8') };
      sources.push(layer.scope === 'managed' || lowerMayLoosen ? source : { ...source, tightenOnly: true });
    }
  return sources;
}

/** A `delegate:` outside the managed tier would let a project hand itself permissions; it is refused. */
function checkDelegation(layers: readonly ConfigLayer[]): void {
  for (const layer of layers)
    if (layer.scope !== 'managed' && layer.config.delegate)
      throw new ConfigError(
        'delegate: only the managed configuration (/etc/interlock/config.yaml) may delegate settings',
        layerFile(layer),
      );
}

/** Load the managed, user and project configuration and policies. Throws ConfigError on any bad file. */
export function loadConfig(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  options: LoadOptions = {},
): LoadedConfig {
  const projectDir = findProjectConfigDir(cwd);
  const userDir = userConfigDir(env);
  const managedDir = options.managedDir ?? MANAGED_CONFIG_DIR;
  const layers = [
    readManagedLayer(managedDir),
    userDir !== managedDir ? readLayer(userDir, 'user') : undefined,
    projectDir && projectDir !== userDir && projectDir !== managedDir
      ? readLayer(projectDir, 'project')
      : undefined,
  ].filter((l): l is ConfigLayer => l !== undefined);
  checkDelegation(layers);
  const packs = choosePacks(layers);
  const patterns = mergePatterns(layers);
  const config: LoadedConfig = {
    layers,
    packs,
    approvalsDefault: tightest(
      layers,
      'approvals.default',
      (c) => c.approvals?.default,
      2,
      TIGHTER.approvals,
    ),
    approvalsGroup: tightest<string | undefined>(
      layers,
      'approvals.group',
      (c) => c.approvals?.group,
      undefined,
      TIGHTER.group,
    ),
    approvalsExpiry: tightest(layers, 'approvals.expiry', (c) => c.approvals?.expiry, '1h', TIGHTER.expiry),
    unknownEnvironment: tightest<'production' | 'non-production'>(
      layers,
      'environments.unknown',
      (c) => c.environments?.unknown,
      'production',
      TIGHTER.unknown,
    ),
    patterns: patterns.patterns,
    patternsFrom: patterns.from,
    patternsIgnored: patterns.ignored,
    sources: policySources(layers, packs),
  };
  if (projectDir) config.projectDir = projectDir;
  return config;
}
