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

/** Why `recorded` is not what is pinned for `variant`, or undefined when it is (or nothing is pinned yet). */
export function pinDiffers(pins: Pins, variant: string, recorded: string[]): string | undefined {
  const pinned = pins[variant];
  if (pinned === undefined) return undefined;
  const gone = pinned.filter((f) => !recorded.includes(f));
  const added = recorded.filter((f) => !pinned.includes(f));
  if (gone.length === 0 && added.length === 0) return undefined;
  return [...gone.map((f) => `-${f}`), ...added.map((f) => `+${f}`)].join(' ');
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
