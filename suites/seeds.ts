/** Per-check seeds derived from the run's seed, so --only leaves every other check's cases unchanged. */
export function seedFor(runSeed: number, checkId: string): number {
  let hash = 0x811c9dc5 ^ (runSeed >>> 0);
  for (const char of `${checkId}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
