import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The package's own name and version, read from the package.json it ships with (two folders up from
// src/cli/ and from dist/cli/ alike), so `interlock --version` never drifts from what was published.

const PackageInfo = z.object({ name: z.string().min(1), version: z.string().min(1) });

/** This copy of Interlock's package name and version. */
export function packageInfo(): z.infer<typeof PackageInfo> {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return PackageInfo.parse(JSON.parse(text));
}
