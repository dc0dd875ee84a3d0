/** Quote one argument for bash so that `interlock check -- rm -rf 'a b'` keeps its meaning. */
function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./~^-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** One argument is taken as the command line as written; several are quoted and joined. */
export function commandFromArgs(args: readonly string[]): string {
  return args.length === 1 ? args[0]! : args.map(shellQuote).join(' ');
}
