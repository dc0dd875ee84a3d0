import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

// Loading the bundled hook (~1 MB of JavaScript) costs Node most of its time in compiling it, on every
// tool call. V8 can save the compiled code and take it back the next time (what Node 22's compile cache
// does; Node 20 has only the vm API for it): this loads a CommonJS file through vm.Script with the saved
// code, and saves it after the first run, once the functions that run have been compiled. V8 checks that
// the saved code belongs to this exact source, V8 version and flags, and ignores it otherwise.

export interface CachedModule {
  exports: unknown;
  /** Save the compiled code now (after the work, so that it includes what the work compiled). */
  save(): void;
}

const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/**
 * Load `file` with the code V8 compiled for it last time. Each `use` (the hook, each one-shot command)
 * keeps its own cache: a cache holds the functions that ran before it was saved, and a `plan check` that
 * found the cache a `check` saved compiled the rest of its code afresh on every call (~5 ms).
 */
export function requireWithCodeCache(file: string, cacheDir: string, use = 'hook'): CachedModule {
  const text = sourceText(readFileSync(file));
  // A `#!` line is valid only at the very start of a file, not inside the function wrapper.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const st = statSync(file);
  const build = createHash('sha256')
    .update(`${process.version}\0${process.arch}\0${file}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 32);
  const cacheFile = join(cacheDir, `${build}-${use.replace(/[^a-z0-9-]/gi, '_')}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this build
  }
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const fn = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} as unknown };
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const fresh = !cachedData || script.cachedDataRejected === true;
  if (cachedData && fresh && process.env.INTERLOCK_DEBUG)
    process.stderr.write(`interlock hook: V8 did not take the code cache ${cacheFile}; compiling\n`);
  return {
    exports: module.exports,
    save() {
      if (!fresh) return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        // The code of earlier builds is of no use any more.
        for (const name of readdirSync(cacheDir))
          if (name.endsWith('.v8') && !name.startsWith(`${build}-`)) unlinkSync(join(cacheDir, name));
      } catch {
        // a read-only home: compile again next time
      }
    },
  };
}

/**
 * The file's text. Node 20 decodes 1 MB of UTF-8 in 50-150 ms on this machine, even when every byte is
 * ASCII, and latin1 in under 1 ms; the two agree on ASCII (the build keeps the bundle ASCII).
 */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
