import type { Effect } from '../core/types.js';
import { optionValue, parseOptions } from '../shell/options.js';
import { word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { filesNamedAtRunTime } from './power-writes.js';

// Downloaders whose files are named by what they fetch, not by the command line: aria2c keeps the name the
// server sends (or a torrent's, a metalink's), `pip download` a wheel's, `npm pack` a tarball's. Fetching
// is everyday work; each reports the directory it fills, so that a later command of the same line that
// runs a file from under it is known to run what was fetched (assess/shell.ts).

/** aria2c's options that take a value (aria2c --help=#all), those this reading needs to skip. */
const ARIA2C_VALUE = ['-d', '--dir', '-o', '--out', '-i', '--input-file', '-T', '--torrent-file', '-M'];
const PIP_VALUE = ['-d', '--dest', '-r', '--requirement', '-c', '--constraint', '-i', '--index-url'];
const NPM_VALUE = ['--pack-destination', '--prefix', '-C', '-w', '--workspace', '--registry', '--loglevel'];

/** The directory each fills, from its option, or where it runs. */
function fills(inv: Invocation): string | undefined {
  if (inv.name === 'aria2c')
    return optionValue(parseOptions(inv.args, { withValue: ARIA2C_VALUE }), '-d', '--dir') ?? '.';
  const parsed = parseOptions(inv.args, { withValue: inv.name === 'npm' ? NPM_VALUE : PIP_VALUE });
  const [sub] = parsed.positionals;
  if (inv.name === 'npm')
    return sub?.value === 'pack' ? (optionValue(parsed, '--pack-destination') ?? '.') : undefined;
  return sub?.value === 'download' ? (optionValue(parsed, '-d', '--dest') ?? '.') : undefined;
}

export const namedDownloadsAnalyzer: Analyzer = {
  family: 'named-downloads',
  commands: ['aria2c', 'pip', 'pip3', 'npm'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv): Effect[] {
    const dir = fills(inv);
    return dir === undefined ? [] : filesNamedAtRunTime(inv, word(dir), 'downloads');
  },
};
