/**
 * What happened to a value that came back different from what was sent, as data (suites/diagnose.ts finds it and
 * writes the text beside it). A finding's fingerprint is built from this, never from the text, so rewording a
 * diagnosis leaves every team's baseline as it is.
 */

/** Transformations and mix-ups that need nothing more to tell them apart. */
export type PlainDiagnosisKind =
  | 'trimmed'
  | 'trimmed-collapsed'
  | 'spaces-collapsed'
  | 'case-folded'
  | 'astral-replaced'
  | 'astral-dropped'
  | 'surrogates-replaced'
  | 'characters-replaced'
  | 'characters-dropped'
  | 'characters-appended'
  | 'missing'
  | 'null'
  | 'empty-for-null'
  | 'null-as-string'
  | 'emptied'
  | 'old-value-kept'
  | 'value-of-another-field'
  | 'changed';

export type NormalForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

export type DiagnosisKind =
  | { kind: PlainDiagnosisKind }
  /** A cut; `limit` is the column size (in characters, UTF-16 units or UTF-8 bytes) that explains it, if any. */
  | { kind: 'truncated'; limit?: number }
  | { kind: 'normalized'; form: NormalForm }
  /** The value came back as another JSON type: `got` instead of `sent` (`string`, `number`, `array`, …). */
  | { kind: 'wrong-type'; sent: string; got: string };

/** A diagnosis: its kind as data, and the text a person reads (lengths, code points, field names). */
export interface Diagnosis {
  kind: DiagnosisKind;
  text: string;
}
