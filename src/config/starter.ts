/** Writes a starter `.interlock/` in `dir` (config, a policy, a passing policy test); returns the files written. */
export function writeStarterConfig(_dir: string): string[] {
  // Filled in by the policy/configuration work (issue 3).
  return [];
}
