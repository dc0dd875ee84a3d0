// Words a command line uses for destruction when it names a subcommand: `delete`, `purge-tenants`,
// `stack-destroy`, `rm`, `DeleteInstance`. The shell's guess about programs no analyzer knows reads them, and
// so do the tables of administration CLIs, for subcommands they do not list.

/** Subcommands that say they destroy, whole or as a part (`delete-stack`, `service-instance-delete`). */
const DESTROYING =
  /^(delete|destroy|purge|drop|terminate|wipe|erase|nuke|teardown|deprovision|decommission)([-_:.].*)?$|[-_:.](delete|destroy|purge|drop|terminate|wipe|erase)$/i;
/** Short forms that only a subcommand uses. */
const SHORT = new Set(['del', 'rm', 'rb', 'rmr', 'flushall', 'flushdb', 'truncate']);
/** CamelCase API names (`DeleteInstance`, `TerminateInstances`). */
const API_NAME = /^(Delete|Destroy|Terminate|Purge|Drop|Remove)[A-Z]/;

/** Whether a subcommand word says that it destroys something. */
export const saysItDestroys = (word: string): boolean =>
  DESTROYING.test(word) || SHORT.has(word) || API_NAME.test(word);
