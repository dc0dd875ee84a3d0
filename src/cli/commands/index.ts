import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerDaemon } from './daemon.js';
import { registerDoctor } from './doctor.js';
import { registerHook } from './hook.js';
import { registerInit } from './init.js';
import { registerUninstall } from './uninstall.js';
import { registerExplain } from './explain.js';
import { registerPlan } from './plan.js';
import { registerPolicy } from './policy.js';
import { registerServe } from './serve.js';
import { registerToken } from './token.js';
import { registerApprovals } from './approvals.js';
import { registerFreeze } from './freeze.js';
import { registerAudit } from './audit.js';
import { registerReport } from './report.js';
import { registerKeys } from './keys.js';
import { registerCreds } from './creds.js';
import { registerRun } from './run.js';
import { registerSetup } from './setup.js';
import { registerMcpProxy } from './mcp-proxy.js';
import { registerMcp } from './mcp.js';

/** Every subcommand registers itself from its own module; each loads its heavy parts only when run. */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerRun(program);
  registerExplain(program);
  registerPolicy(program);
  registerPlan(program);
  registerHook(program);
  registerMcpProxy(program);
  registerMcp(program);
  registerInit(program);
  registerSetup(program);
  registerUninstall(program);
  registerDoctor(program);
  registerDaemon(program);
  registerServe(program);
  registerToken(program);
  registerApprovals(program);
  registerFreeze(program);
  registerAudit(program);
  registerReport(program);
  registerKeys(program);
  registerCreds(program);
}
