/**
 * Says what happened to a value that came back different from what was sent (rules S1, S4): a bug report
 * that names the transformation is half fixed.
 */
export interface DiagnoseContext {
  /** The field's value before the request. */
  previous?: unknown;
  /** The values sent for the other fields, by name. */
  others?: Record<string, unknown>;
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isSubsequence(short: string, long: string): boolean {
  const a = [...short];
  const b = [...long];
  let i = 0;
  for (const char of b) if (i < a.length && char === a[i]) i++;
  return i === a.length;
}

function droppedCharacters(got: string, sent: string): string[] {
  const remaining = [...got];
  const dropped: string[] = [];
  for (const char of sent) {
    if (remaining[0] === char) remaining.shift();
    else dropped.push(char);
  }
  return dropped;
}

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function stringDiagnosis(sent: string, got: string): string | undefined {
  if (got === sent.trim()) return 'trimmed';
  if (got === sent.trimStart()) return 'leading spaces trimmed';
  if (got === sent.trimEnd()) return 'trailing spaces trimmed';
  if (got.length < sent.length && sent.startsWith(got)) return `truncated to ${got.length} characters`;
  if (got === sent.toLowerCase()) return 'case-folded to lower case';
  if (got === sent.toUpperCase()) return 'case-folded to upper case';
  if (got === sent.normalize('NFC')) return 'normalized to NFC';
  if (got === sent.normalize('NFD')) return 'normalized to NFD';
  if (got === sent.normalize('NFKC')) return 'normalized to NFKC';
  if (got === sent.normalize('NFKD')) return 'normalized to NFKD';
  if (got === sent.replace(ASTRAL, '\uFFFD')) return 'characters outside the BMP replaced with U+FFFD';
  if (got === sent.replace(ASTRAL, '?')) return 'characters outside the BMP replaced with ?';
  if (got === sent.replace(ASTRAL, '')) return 'characters outside the BMP dropped';
  if (got === sent.replace(/ {2,}/g, ' ')) return 'inner runs of spaces collapsed';
  if (got === sent.trim().replace(/\s+/g, ' ')) return 'trimmed and inner spaces collapsed';
  if (got.length < sent.length && isSubsequence(got, sent)) {
    const dropped = droppedCharacters(got, sent);
    const shown = [...new Set(dropped)].slice(0, 5).map(codePoint).join(', ');
    return `characters dropped (${dropped.length}: ${shown})`;
  }
  if (got.length > sent.length && got.startsWith(sent))
    return `characters appended (${JSON.stringify(got.slice(sent.length))})`;
  return undefined;
}

export function diagnose(sent: unknown, got: unknown, context: DiagnoseContext = {}): string {
  if (got === undefined) return 'missing from the response';
  if (sent !== null && got === null) return 'null instead of the sent value';
  if (sent === null && got === '') return 'empty string instead of null';
  if (sent === null && got === 'null') return 'the string "null" instead of null';
  if (typeName(sent) !== typeName(got)) return `wrong type (${typeName(got)} instead of ${typeName(sent)})`;
  // A transformation of the sent value explains more than a coincidence with another value.
  const known = typeof sent === 'string' && typeof got === 'string' ? stringDiagnosis(sent, got) : undefined;
  if (known) return known;
  if (context.previous !== undefined && got === context.previous) return 'old value kept';
  for (const [field, value] of Object.entries(context.others ?? {})) {
    if (value === got && value !== null) return `value of ${field}`;
  }
  if (typeof sent === 'string' && typeof got === 'string') {
    let prefix = 0;
    while (prefix < sent.length && sent[prefix] === got[prefix]) prefix++;
    return `changed from character ${prefix} on (sent ${sent.length}, stored ${got.length} UTF-16 units)`;
  }
  return 'changed';
}
