import { z } from 'zod';
import { quote } from './makefile-expand.js';
import type { Recipe, TaskReader } from './types.js';

const PackageJson = z.object({ scripts: z.record(z.string(), z.string()).optional() });

/** The scripts `npm restart` runs: its own, or stop then start when there is none. */
function lifecycle(name: string, scripts: Record<string, string>): string[] {
  if (name === 'restart' && !('restart' in scripts))
    return ['prerestart', 'prestop', 'stop', 'poststop', 'prestart', 'start', 'poststart', 'postrestart'];
  return [`pre${name}`, name, `post${name}`];
}

/**
 * What `npm run X` (and yarn, pnpm, bun) runs from package.json's "scripts": X with the arguments given
 * after it, between preX and postX. No script X runs nothing of the file's: npm reports it, yarn and pnpm
 * run a binary of that name instead (a program like any other).
 */
export const readPackageJson: TaskReader = (text, request, file) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unknown', reason: `${file} is not valid JSON` };
  }
  const shape = PackageJson.safeParse(json);
  if (!shape.success) return { kind: 'unknown', reason: `${file} has "scripts" that are not all text` };
  const scripts = shape.data.scripts ?? {};
  const name = request.tasks[0];
  if (name === undefined) return { kind: 'none' };
  // `npm run X` runs preX, X and postX when there is an X; `npm install` runs each install script there is.
  if (
    request.prePost &&
    !Object.hasOwn(scripts, name) &&
    !(name === 'restart' && ('start' in scripts || 'stop' in scripts))
  )
    return { kind: 'none' };
  const names = request.prePost ? lifecycle(name, scripts) : request.tasks;
  const recipes: Recipe[] = [];
  for (const script of names) {
    const body = Object.hasOwn(scripts, script) ? scripts[script] : undefined;
    if (body === undefined) continue;
    const args = script === name && request.args.length ? ` ${request.args.map(quote).join(' ')}` : '';
    recipes.push({ name: script, lines: [{ text: `${body}${args}`, at: `${file} scripts.${script}` }] });
  }
  if (!recipes.length) return { kind: 'none' };
  return { kind: 'found', recipes };
};
