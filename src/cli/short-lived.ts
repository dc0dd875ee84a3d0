import { setFlagsFromString } from 'node:v8';

/**
 * A process that decides once and exits (a hook call, one `interlock check`) should not spend its life
 * optimising WebAssembly: V8's background tier-up of cedar-wasm and tree-sitter costs ~0.7 s of waiting on
 * this machine, while the baseline compiler alone answers in a fraction of that. Nor should a batch
 * (`check --batch` of 10,000 lines: about 12 % less CPU). The daemon and the server keep the optimising
 * tier. Must run before any WebAssembly module is compiled.
 */
export function preferQuickStart(): void {
  setFlagsFromString('--liftoff-only');
}
