// Debian's start-stop-daemon: shared by the wrapper that peels `--start --exec X -- ARGS` and the
// services analyzer that reads `--stop`.

/** start-stop-daemon options that take a value. */
export const START_STOP_VALUE = [
  '-p',
  '--pidfile',
  '-x',
  '--exec',
  '-n',
  '--name',
  '-u',
  '--user',
  '-g',
  '--group',
  '-s',
  '--signal',
  '-R',
  '--retry',
  '-a',
  '--startas',
  '-c',
  '--chuid',
  '-r',
  '--chroot',
  '-d',
  '--chdir',
  '-N',
  '--nicelevel',
  '-P',
  '--procsched',
  '-I',
  '--iosched',
  '-k',
  '--umask',
  '--ppid',
  '--notify-timeout',
  '--output',
];

/**
 * Long options getopt_long also takes as a unique prefix (`--sto` is `--stop`, `--na` is `--name`): the
 * actions and what they act on. `--test` is not listed: an abbreviation of it leaves the run a real one;
 * nor `--startas`, which parseOptions would also read `--start` as.
 */
export const START_STOP_ABBREVIATIONS = [
  '--stop',
  '--start',
  '--exec',
  '--name',
  '--pidfile',
  '--signal',
  '--retry',
];
