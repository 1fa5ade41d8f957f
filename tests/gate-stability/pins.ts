/**
 * The catalogue's fingerprints, pinned: what a baseline written at the first seed records for each variant
 * (fingerprints.json). A fingerprint that changes silently breaks every team's committed baseline (its findings
 * come back as new), so a change must be deliberate: `--write-pins` records it, and the diff shows it in review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('./fingerprints.json', import.meta.url));

export type Pins = Record<string, string[]>;

export const readPins = (): Pins =>
  existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Pins) : {};

/**
 * How `recorded` differs from what is pinned for `variant` (`-gone +new`), or undefined. `renamed` is true when a
 * pinned fingerprint is gone and another came in its place, which is what a change to fingerprint.ts or
 * diagnose.ts looks like and what breaks baselines; a fingerprint only added or only missing is a finding this
 * run's search did or did not reach (timing across lanes decides a few), noted but not failing.
 */
export function pinDiffers(
  pins: Pins,
  variant: string,
  recorded: string[],
): { text: string; renamed: boolean } | undefined {
  const pinned = pins[variant];
  if (pinned === undefined) return undefined;
  const gone = pinned.filter((f) => !recorded.includes(f));
  const added = recorded.filter((f) => !pinned.includes(f));
  if (gone.length === 0 && added.length === 0) return undefined;
  const text = [...gone.map((f) => `-${f}`), ...added.map((f) => `+${f}`)].join(' ');
  return { text, renamed: gone.length > 0 && added.length > 0 };
}

/** Writes `pins` over the file, variants in order, merged with what is there (a partial run pins only its own). */
export function writePins(pins: Pins): void {
  const all = { ...readPins(), ...pins };
  const sorted = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]]),
  );
  writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}
