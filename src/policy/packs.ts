import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKS_DIR } from './engine.js';
import type { PolicySource } from './policy-file.js';

export const DEFAULT_PACKS = ['baseline'];

function availablePacks(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((f) => f.endsWith('.cedar'))
    .map((f) => f.slice(0, -'.cedar'.length))
    .sort();
}

export function packSource(name: string): PolicySource {
  if (!availablePacks().includes(name)) {
    throw new Error(`unknown policy pack "${name}": the built-in packs are ${availablePacks().join(', ')}`);
  }
  return { origin: `pack:${name}`, text: readFileSync(join(PACKS_DIR, `${name}.cedar`), 'utf8') };
}
