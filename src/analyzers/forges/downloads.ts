import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { inPlaceEditEffect } from '../in-place-edit.js';

// Downloads a forge CLI writes where it is told: `gh release download v1 -O ~/.bashrc --clobber` puts a
// release asset over a shell's startup file, `gh run download -D ~/.ssh` artifacts among keys. The file or
// directory written is judged as an edit of it is (a project directory is everyday work).

/** For each download subcommand, its options naming a file written and a directory written into. */
const DOWNLOADS: Readonly<Record<string, { file: string[]; dir: string[] }>> = {
  'gh release download': { file: ['-O', '--output'], dir: ['-D', '--dir'] },
  'gh run download': { file: [], dir: ['-D', '--dir'] },
  'glab release download': { file: [], dir: ['-D', '--dir'] },
  'glab ci artifact': { file: [], dir: ['-p', '--path'] },
  'glab job artifact': { file: [], dir: ['-p', '--path'] },
};

export function downloadEffects(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  const spec = Object.entries(DOWNLOADS).find(([verb]) => {
    const [tool, ...sub] = verb.split(' ');
    return tool === inv.name && sub.every((s, i) => words.filter((w) => !w.startsWith('-'))[i] === s);
  })?.[1];
  if (!spec) return [];
  const effects: Effect[] = [];
  inv.args.forEach((arg, i) => {
    for (const [options, how] of [
      [spec.file, (p: string) => `writes a downloaded file over ${p}`],
      [spec.dir, (p: string) => `writes downloaded files into ${p}`],
    ] as const) {
      const option = options.find((o) => arg.value === o || arg.value.startsWith(`${o}=`));
      if (!option) continue;
      const value =
        arg.value === option ? inv.args[i + 1] : { ...arg, value: arg.value.slice(option.length + 1) };
      if (!value || value.value === '-') continue;
      effects.push(
        value.dynamic
          ? { ...inPlaceEditEffect(inv, value.value, how), risk: 'high' }
          : inPlaceEditEffect(inv, value.value, how),
      );
    }
  });
  return effects;
}
