import { quoteArgv } from '../shell/quote-argv.js';

/** One argument is taken as the command line as written; several are quoted for bash and joined. */
export function commandFromArgs(args: readonly string[]): string {
  return args.length === 1 ? args[0]! : quoteArgv(args);
}
