// Shell-like lines with many effects each, generated deterministically: long `rm` and `kubectl delete`
// argument lists, and `;`-joined sequences of destructive commands. An action with fifty effects should
// cost little more than one with a few: the benchmark compares their cost per command.

/** A small deterministic generator (mulberry32), so every run measures the same lines. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['api', 'web', 'cache', 'logs', 'data', 'build', 'tmp', 'queue', 'auth', 'billing', 'report'];
const NAMESPACES = ['default', 'staging', 'dev', 'payments', 'production'];
const STEPS = [
  (name: string) => `rm -rf ./${name}`,
  (name: string) => `git branch -D ${name}`,
  (name: string) => `docker rm -f ${name}`,
  (name: string) => `kubectl delete deployment ${name} -n dev`,
  (name: string) => `redis-cli -h localhost DEL ${name}`,
  (name: string) => `find ./${name} -name '*.log' -delete`,
];

/** `count` lines, each with `min`–`max` effects; the same seed gives the same lines. */
export function manyEffectLines(count: number, seed = 17, min = 20, max = 80): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const name = () => `${pick(WORDS)}-${Math.floor(next() * 100_000)}`;
  const names = () => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, name);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) lines.push(`rm -rf ${names().join(' ')}`);
    else if (kind === 1) lines.push(`kubectl delete pod ${names().join(' ')} -n ${pick(NAMESPACES)}`);
    else
      lines.push(
        names()
          .map((n) => pick(STEPS)(n))
          .join('; '),
      );
  }
  return lines;
}
