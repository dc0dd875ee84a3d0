import type { Analyzer } from './analyzer.js';
import { accountsAnalyzer } from './accounts.js';
import { hostAdminAnalyzer } from './host-admin.js';
import { overwritesAnalyzer } from './overwrites.js';
import { teeWritesAnalyzer } from './tee-writes.js';
import { dumpFilesAnalyzer } from './dump-files.js';
import { aclsAnalyzer } from './acls.js';
import { editorScriptsAnalyzer } from './editor-scripts.js';
import { lineEditorsAnalyzer } from './line-editors.js';
import { plainWritesAnalyzer } from './plain-writes.js';
import { namedDownloadsAnalyzer } from './named-downloads.js';
import { nomadAnalyzer } from './nomad.js';
import { storageAnalyzer } from './storage.js';
import { hypervisorsAnalyzer } from './hypervisors.js';
import { certificatesAnalyzer } from './certificates.js';
import { windowsAnalyzer } from './windows.js';
import { rawProtocolsAnalyzer } from './raw-protocols.js';
import { macosAnalyzer } from './macos.js';
import { monitoringAnalyzer } from './monitoring.js';
import { newrelicAnalyzer } from './newrelic.js';
import { iacProtectionEditsAnalyzer } from './iac-protection-edits.js';
import { sameFileRedirectAnalyzer } from './same-file-redirect.js';
import { keysAnalyzer } from './keys.js';
import { packageChangesAnalyzer } from './package-changes.js';
import { imagePushesAnalyzer } from './image-pushes.js';
import { erasingEditsAnalyzer } from './erasing-edits.js';
import { playbooksAnalyzer } from './playbooks.js';
import { registriesAnalyzer } from './registries.js';
import { awkAnalyzer } from './awk.js';
import { sedScriptFilesAnalyzer } from './sed-script-files.js';
import { processManagersAnalyzer } from './services/process-managers.js';
import { backupAnalyzer } from './backup.js';
import { cloudAnalyzer } from './cloud.js';
import { clusterNodesAnalyzer } from './cluster-nodes.js';
import { databasesAnalyzer } from './databases.js';
import { airflowAnalyzer, dataPlatformsAnalyzer } from './data-platforms.js';
import { directoriesAnalyzer } from './directories.js';
import { edgeAnalyzer } from './edge.js';
import { etcdAnalyzer } from './etcd.js';
import { filesAnalyzer } from './files.js';
import { emptyingCommandsAnalyzer } from './emptying-commands.js';
import { forgesAnalyzer } from './forges.js';
import { guardedWritesAnalyzer } from './guarded-writes.js';
import { frameworksAnalyzer } from './frameworks.js';
import { frameworkConsolesAnalyzer } from './framework-consoles.js';
import { configAgentsAnalyzer } from './config-agents.js';
import { migrationRunnersAnalyzer } from './migration-runners.js';
import { gitAnalyzer } from './git.js';
import { httpAnalyzer } from './http.js';
import { iacAnalyzer } from './iac.js';
import { interpretersAnalyzer } from './interpreters.js';
import { kubernetesAnalyzer } from './kubernetes.js';
import { messagingAnalyzer } from './messaging.js';
import { objectStoresAnalyzer } from './object-stores.js';
import { paasAnalyzer } from './paas.js';
import { secretsAnalyzer } from './secrets.js';
import { servicesAnalyzer } from './services.js';
import { systemCopiesAnalyzer } from './system-copies.js';
import type { SqlParser } from './sql-parser.js';
import { warehousesAnalyzer } from './warehouses.js';

/** Every analyzer, keyed by the program names it understands (a program may have several). */
export function analyzerRegistry(analyzers: readonly Analyzer[]): Map<string, Analyzer[]> {
  const map = new Map<string, Analyzer[]>();
  for (const analyzer of analyzers) {
    for (const command of analyzer.commands) {
      const list = map.get(command) ?? [];
      if (list.includes(analyzer)) throw new Error(`${analyzer.family} lists ${command} twice`);
      map.set(command, [...list, analyzer]);
    }
  }
  return map;
}

export interface AnalyzerDeps {
  sql: SqlParser;
}

export function builtinAnalyzers(deps: AnalyzerDeps): Analyzer[] {
  return [
    filesAnalyzer,
    guardedWritesAnalyzer,
    gitAnalyzer,
    iacAnalyzer,
    cloudAnalyzer(deps.sql),
    kubernetesAnalyzer,
    clusterNodesAnalyzer,
    databasesAnalyzer(deps.sql),
    servicesAnalyzer,
    interpretersAnalyzer(deps.sql),
    awkAnalyzer,
    sedScriptFilesAnalyzer,
    processManagersAnalyzer,
    frameworksAnalyzer,
    frameworkConsolesAnalyzer(deps.sql),
    migrationRunnersAnalyzer,
    configAgentsAnalyzer,
    httpAnalyzer,
    etcdAnalyzer,
    backupAnalyzer,
    objectStoresAnalyzer,
    systemCopiesAnalyzer,
    forgesAnalyzer,
    secretsAnalyzer,
    messagingAnalyzer,
    paasAnalyzer(deps.sql),
    accountsAnalyzer,
    hostAdminAnalyzer,
    overwritesAnalyzer,
    teeWritesAnalyzer,
    dumpFilesAnalyzer,
    aclsAnalyzer,
    playbooksAnalyzer,
    nomadAnalyzer,
    storageAnalyzer,
    hypervisorsAnalyzer,
    certificatesAnalyzer,
    windowsAnalyzer,
    rawProtocolsAnalyzer,
    macosAnalyzer,
    monitoringAnalyzer,
    newrelicAnalyzer,
    iacProtectionEditsAnalyzer,
    sameFileRedirectAnalyzer,
    emptyingCommandsAnalyzer,
    keysAnalyzer,
    packageChangesAnalyzer,
    imagePushesAnalyzer,
    erasingEditsAnalyzer,
    editorScriptsAnalyzer,
    lineEditorsAnalyzer,
    plainWritesAnalyzer,
    namedDownloadsAnalyzer,
    registriesAnalyzer,
    warehousesAnalyzer(deps.sql),
    dataPlatformsAnalyzer,
    airflowAnalyzer,
    directoriesAnalyzer,
    edgeAnalyzer,
  ];
}
