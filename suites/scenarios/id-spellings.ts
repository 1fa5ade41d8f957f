/**
 * Other spellings of a real id that a database collation, a router or a URL decoder is known to fold onto it
 * (rule I1: ids compare exactly after percent-decoding, so each is an id that does not exist). The spellings
 * are data: a name and how to make it from an id, or nothing where it does not apply to the id's shape.
 *
 * Not here, on purpose: a literal trailing slash in the path (/customer/id/) is a routing convention a
 * conforming backend may map to the same customer, and another percent-encoding of the same id is the same id.
 * Nor "id/" sent as id%2F: servers that decode %2F before routing (WSGI, many proxies) see that same trailing
 * slash, and others refuse %2F outright (Tomcat answers 400), so neither answer says anything about the id.
 */

export interface IdSpelling {
  /** Stable name, saved in scenarios: the spelling is made again from the fixture's id at replay. */
  name: string;
  /** What a reader sees in a report. */
  label: string;
  spell(id: string): string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
/** A prefix and a zero-padded number (cus_000042): often an integer key formatted for display. */
const PREFIXED_NUMBER = /^(.*\D)(\d+)$/;
/** Combining marks tried in turn, for the first letter that has a precomposed accented form. */
const MARKS = ['\u0301', '\u0300', '\u0302', '\u0308', '\u0303', '\u0327', '\u030C'];

const swapCase = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
const isCased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

/** The index and precomposed form of the first letter that takes an accent as one code point. */
function firstAccentable(id: string): { index: number; accented: string; mark: string } | undefined {
  const chars = Array.from(id);
  for (const [index, char] of chars.entries()) {
    if (!/^[A-Za-z]$/.test(char)) continue;
    for (const mark of MARKS) {
      const accented = (char + mark).normalize('NFC');
      if (Array.from(accented).length === 1) return { index, accented, mark };
    }
  }
  return undefined;
}

function replaceAt(id: string, index: number, text: string): string {
  const chars = Array.from(id);
  chars[index] = text;
  return chars.join('');
}

const fullWidth = (id: string): string =>
  id.replace(/[\u0021-\u007E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export const ID_SPELLINGS: readonly IdSpelling[] = [
  { name: 'case-flipped', label: 'case flipped', spell: (id) => Array.from(id).map(swapCase).join('') },
  {
    name: 'one-letter-case-flipped',
    label: 'one letter case flipped',
    spell(id) {
      const chars = Array.from(id);
      const index = chars.findIndex(isCased);
      return index < 0 ? undefined : replaceAt(id, index, swapCase(chars[index] as string));
    },
  },
  { name: 'leading-space', label: 'leading space', spell: (id) => ` ${id}` },
  { name: 'trailing-space', label: 'trailing space (PAD SPACE collations)', spell: (id) => `${id} ` },
  { name: 'trailing-tab', label: 'trailing tab', spell: (id) => `${id}\t` },
  {
    name: 'accented-letter',
    label: 'a letter accented, precomposed (NFC)',
    spell: (id) => {
      const found = firstAccentable(id);
      return found && replaceAt(id, found.index, found.accented);
    },
  },
  {
    name: 'combining-mark',
    label: 'a combining mark after a letter, decomposed (NFD)',
    spell: (id) => {
      const found = firstAccentable(id);
      return found && replaceAt(id, found.index, `${Array.from(id)[found.index]}${found.mark}`);
    },
  },
  { name: 'full-width', label: 'full-width forms', spell: fullWidth },
  { name: 'trailing-dot', label: 'trailing dot (IIS drops it)', spell: (id) => `${id}.` },
  {
    name: 'uuid-upper-case',
    label: 'UUID in upper case',
    spell: (id) => (UUID.test(id) ? id.toUpperCase() : undefined),
  },
  { name: 'uuid-braces', label: 'UUID in braces', spell: (id) => (UUID.test(id) ? `{${id}}` : undefined) },
  {
    name: 'uuid-no-hyphens',
    label: 'UUID without hyphens',
    spell: (id) => (UUID.test(id) ? id.replace(/-/g, '') : undefined),
  },
  {
    name: 'number-leading-zero',
    label: 'number with a leading zero',
    spell: (id) => (NUMBER.test(id) ? `0${id}` : undefined),
  },
  {
    name: 'number-trailing-letters',
    label: 'number followed by letters',
    spell: (id) => (NUMBER.test(id) ? `${id}abc` : undefined),
  },
  {
    name: 'number-plus-sign',
    label: 'number with a plus sign',
    spell: (id) => (NUMBER.test(id) ? `+${id}` : undefined),
  },
  {
    name: 'number-decimal',
    label: 'number as a decimal',
    spell: (id) => (NUMBER.test(id) ? `${id}.0` : undefined),
  },
  {
    name: 'number-part-unpadded',
    label: 'the numeric part without its leading zeros',
    spell(id) {
      const match = PREFIXED_NUMBER.exec(id);
      return match ? `${match[1]}${String(BigInt(match[2] as string))}` : undefined;
    },
  },
  {
    name: 'number-part-extra-zero',
    label: 'the numeric part with one more leading zero',
    spell(id) {
      const match = PREFIXED_NUMBER.exec(id);
      return match ? `${match[1]}0${match[2]}` : undefined;
    },
  },
];

/** The spelling of `id` by name; undefined where it does not apply or gives the id itself. */
export function spellId(id: string, name: string): string | undefined {
  const spelled = ID_SPELLINGS.find((s) => s.name === name)?.spell(id);
  return spelled === undefined || spelled === id ? undefined : spelled;
}

/** Every spelling that applies to `id`, each a different id, none equal to the id itself. */
export function spellingsOf(id: string): { name: string; label: string; id: string }[] {
  const seen = new Set([id]);
  const list: { name: string; label: string; id: string }[] = [];
  for (const spelling of ID_SPELLINGS) {
    const spelled = spellId(id, spelling.name);
    if (spelled === undefined || seen.has(spelled)) continue;
    seen.add(spelled);
    list.push({ name: spelling.name, label: spelling.label, id: spelled });
  }
  return list;
}
