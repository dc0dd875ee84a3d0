import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { serverHints } from '../databases/servers.js';

// Jenkins' CLI: `java -jar jenkins-cli.jar -s URL delete-job NAME`. java running a jar was an unrecognised
// program, allowed. The jar is found by its name; its command decides: deleting jobs, nodes, builds or
// credentials is high, a Groovy script runs anything on the controller with its full rights, a restart
// interrupts every build. Placed by the controller's URL (-s, or JENKINS_URL) and, weakly, the job's name.

interface Command {
  operation: Operation;
  risk: Risk;
  what: string;
}

const command = (operation: Operation, risk: Risk, what: string): Command => ({ operation, risk, what });

const COMMANDS: Record<string, Command> = {
  'delete-job': command('delete', 'high', 'deletes the job, its configuration and every build'),
  'delete-node': command('delete', 'high', 'deletes the agent'),
  'delete-builds': command('delete', 'high', 'deletes builds of the job and their logs and artifacts'),
  'delete-view': command('delete', 'medium', 'deletes the view'),
  'delete-credentials': command('delete', 'high', 'deletes the credentials'),
  'delete-credentials-domain': command('delete', 'high', 'deletes a credentials domain and its credentials'),
  groovy: command(
    'execute-unverifiable',
    'high',
    'runs a Groovy script on the controller with its full rights',
  ),
  groovysh: command(
    'execute-unverifiable',
    'high',
    'opens a Groovy shell on the controller with its full rights',
  ),
  restart: command('modify', 'medium', 'restarts Jenkins at once, killing running builds'),
  'safe-restart': command('modify', 'medium', 'restarts Jenkins when running builds end'),
  shutdown: command('modify', 'medium', 'stops Jenkins at once, killing running builds'),
  'safe-shutdown': command('modify', 'medium', 'stops Jenkins when running builds end'),
  'clear-queue': command('modify', 'medium', 'drops every queued build'),
  'disconnect-node': command('modify', 'medium', 'disconnects the agent'),
  'offline-node': command('modify', 'medium', 'takes the agent offline'),
  'stop-builds': command('modify', 'medium', 'aborts the running builds of the job'),
  'update-job': command('modify', 'medium', "replaces the job's configuration"),
  'update-node': command('modify', 'medium', "replaces the agent's configuration"),
  'update-view': command('modify', 'low', "replaces the view's configuration"),
  'reload-configuration': command(
    'modify',
    'medium',
    'reloads every configuration from disk, dropping changes made only in memory',
  ),
  'install-plugin': command('modify', 'medium', 'installs plugins (code that runs in the controller)'),
  'disable-plugin': command('modify', 'medium', 'disables plugins'),
  'disable-job': command('modify', 'low', 'disables the job'),
  'enable-job': command('modify', 'low', 'enables the job'),
  build: command('create', 'low', 'starts a build of the job'),
  'create-job': command('create', 'low', 'creates a job'),
  'copy-job': command('create', 'low', 'copies a job'),
  'create-node': command('create', 'low', 'creates an agent'),
  'create-view': command('create', 'low', 'creates a view'),
};

/** The CLI's own options that take a value (before the command). */
const VALUE_OPTIONS = new Set(['-s', '-auth', '-i', '-user', '-logger', '-p', '-bearer']);
/** java's options that take a value (`-cp path`, `-Xss` is glued). */
const JAVA_VALUE = new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules']);

/** The words after `-jar jenkins-cli.jar`, or undefined when java runs anything else. */
function jenkinsCliArgs(args: readonly Word[]): Word[] | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (JAVA_VALUE.has(v)) {
      i++;
      continue;
    }
    if (v === '-jar') {
      const jar = args[i + 1];
      return jar && !jar.dynamic && /(^|\/)jenkins-cli[\w.-]*\.jar$/.test(jar.value)
        ? args.slice(i + 2)
        : undefined;
    }
    if (!v.startsWith('-')) return undefined; // a main class: not the CLI's jar
  }
  return undefined;
}

export function jenkinsCli(inv: Invocation): Effect[] {
  const args = jenkinsCliArgs(inv.args);
  if (!args) return [];
  let url: string | undefined;
  let i = 0;
  for (; i < args.length && args[i]!.value.startsWith('-'); i++) {
    const v = args[i]!.value;
    if (VALUE_OPTIONS.has(v)) {
      if (v === '-s') url = args[i + 1]?.value;
      i++;
    }
  }
  const [name, ...rest] = args.slice(i);
  if (!name || name.dynamic) return [];
  const found = COMMANDS[name.value];
  if (!found) return [];
  const subject = rest.find((w) => !w.value.startsWith('-'))?.value;
  const where = url ?? inv.env('JENKINS_URL');
  const hints: EnvironmentHint[] = [
    ...serverHints(url ? 'flag -s' : 'env JENKINS_URL', where),
    ...(subject ? [{ source: 'jenkins job or node', value: subject, weak: true as const }] : []),
  ];
  return [
    {
      operation: found.operation,
      tool: 'jenkins-cli',
      target: subject ? `${name.value} ${subject}` : name.value,
      reversible: found.operation !== 'delete',
      risk: found.risk,
      reason: `jenkins-cli ${name.value} ${found.what}`,
      category: 'ci',
      ...(hints.length ? { hints } : {}),
    },
  ];
}
