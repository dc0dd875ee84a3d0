import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The Dockerfile and compose.yaml, checked without Docker (the project's machine has none): what the
// build copies exists, the runtime stage is not root and serves with a health check, and compose wires
// the server to its PostgreSQL.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** Instructions, one per entry, continuation lines joined and comments left out. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (line.startsWith('FROM ')) all.push([]);
  all.at(-1)?.push(line);
  return all;
}, []);

describe('the Dockerfile', () => {
  it('copies only files the repository has, and leaves none of them out through .dockerignore', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter(Boolean);
    const sources = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), `${source} is missing`).toBe(true);
      expect(ignored.includes(source.split('/')[0]!), `${source} is in .dockerignore`).toBe(false);
    }
  });

  it('builds in one stage and runs from another with production dependencies, as a user, with a health check', () => {
    expect(stages).toHaveLength(2);
    const [build, runtime] = stages as [string[], string[]];
    expect(build.join('\n')).toMatch(/npm ci[\s\S]*npm run build && npm prune --omit=dev/);
    expect(runtime.some((l) => l.startsWith('COPY') && !l.includes('--from=build'))).toBe(false);
    expect(runtime.filter((l) => l.startsWith('USER '))).toEqual(['USER interlock']);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toContain('http://127.0.0.1:47812/health');
    expect(runtime.find((l) => l.startsWith('ENTRYPOINT'))).toBe('ENTRYPOINT ["interlock", "serve"]');
  });
});

describe('compose.yaml', () => {
  it('runs the server against its PostgreSQL', () => {
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
      services: Record<
        string,
        { build?: string; environment?: Record<string, string>; depends_on?: object; ports?: string[] }
      >;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['interlock', 'postgres']);
    const server = compose.services.interlock!;
    expect(server.build).toBe('.');
    expect(server.environment?.INTERLOCK_DATABASE_URL).toMatch(
      /^postgres:\/\/interlock:.*@postgres:5432\/interlock$/,
    );
    expect(server.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(server.ports).toEqual(['127.0.0.1:47812:47812']);
  });
});
