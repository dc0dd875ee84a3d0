// Test helper: `node --import ./forbid-heavy.mjs …` makes loading a parser or the policy engine fail, to
// prove that a hook call which does not need them does not load them.
import { register } from 'node:module';

register('./forbid-heavy-hooks.mjs', import.meta.url);
