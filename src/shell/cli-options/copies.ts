// Option tables of the remote-copy programs, shared by the analyzers that read them (files.ts for
// `rsync --delete`, system-copies.ts for copies onto system paths).

/** rsync options that take a value (`-e 'ssh -p 2222'`, `--exclude PATTERN`). */
export const RSYNC_VALUE = [
  '-e',
  '--rsh',
  '--exclude',
  '--include',
  '--filter',
  '-f',
  '--exclude-from',
  '--include-from',
  '--files-from',
  '--rsync-path',
  '--backup-dir',
  '--suffix',
  '--port',
  '--password-file',
  '--log-file',
  '--chmod',
  '--chown',
  '-T',
  '--temp-dir',
  '--compare-dest',
  '--link-dest',
  '--max-size',
  '--min-size',
  '--timeout',
  '--bwlimit',
  '--info',
  '--debug',
];

/** OpenSSH scp options that take a value (`-P 2222`, `-i key`, `-o Option=value`). */
export const SCP_VALUE = ['-P', '-i', '-o', '-F', '-c', '-l', '-S', '-J', '-D', '-X'];
