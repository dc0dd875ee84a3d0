// Option tables of the remote-copy programs, shared by the analyzers that read them (files.ts for
// `rsync --delete`, system-copies.ts for copies onto system paths), the ssh wrapper and the exfiltration
// pass (what scp, rsync and ssh send away).

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

/** OpenSSH ssh options that take a value (`-p 2222`, `-i key`, `-L 8080:localhost:80`). */
export const SSH_VALUE = [
  '-b',
  '-c',
  '-D',
  '-E',
  '-e',
  '-F',
  '-I',
  '-i',
  '-J',
  '-L',
  '-l',
  '-m',
  '-O',
  '-o',
  '-p',
  '-Q',
  '-R',
  '-S',
  '-W',
  '-w',
  '-B',
  '-P',
];
