/**
 * Rule S1, strings kept differently from how they were sent: each variant replaces only `storeString`, the
 * one place the reference keeps a string, so the PUT response, GET and POST all show the changed value.
 */
import type { Variant } from './catalogue.ts';
import { ASTRAL, storingStrings, withSteps, type StepOverrides } from './kit.ts';

function stringVariant(id: string, description: string, steps: StepOverrides): Variant {
  return { id, rule: 'S1', description, build: (options) => withSteps(options, steps).handler };
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const ECHO_STRING_VARIANTS: readonly Variant[] = [
  stringVariant(
    'trims-all-strings',
    'a request-sanitising middleware calls trim() on every string field before saving',
    storingStrings('all', (value) => value.trim()),
  ),
  stringVariant(
    'trims-names',
    'an ORM beforeSave hook trims the name column (other fields are kept as sent)',
    storingStrings(['name'], (value) => value.trim()),
  ),
  stringVariant(
    'truncates-name-to-50',
    'name is a VARCHAR(50) column and the database (non-strict SQL mode) silently cuts longer names',
    storingStrings(['name'], (value) => Array.from(value).slice(0, 50).join('')),
  ),
  stringVariant(
    'truncates-name-to-100',
    'name is a VARCHAR(100) column in utf8mb4, so the database cuts a longer name to 100 characters (code points, emoji count one)',
    storingStrings(['name'], (value) => Array.from(value).slice(0, 100).join('')),
  ),
  stringVariant(
    'truncates-address-line1-to-100',
    'address_line1 is a VARCHAR(100) column, silently cut to 100 characters',
    storingStrings(['address_line1'], (value) => Array.from(value).slice(0, 100).join('')),
  ),
  stringVariant(
    'lowercases-email',
    'email is lower-cased before saving so that lookups are case-insensitive',
    storingStrings(['email'], (value) => value.toLowerCase()),
  ),
  stringVariant(
    'normalizes-nfc',
    'an input middleware NFC-normalizes every string field, so decomposed accents come back composed',
    storingStrings('all', (value) => value.normalize('NFC')),
  ),
  stringVariant(
    'normalizes-name-nfd',
    'a search-key helper NFD-decomposes the name and its result is saved in place of the name',
    storingStrings(['name'], (value) => value.normalize('NFD')),
  ),
  stringVariant(
    'replaces-astral-chars',
    'the customer table is utf8mb3: characters outside the BMP (emoji) are stored as U+FFFD',
    storingStrings('all', (value) => value.replace(new RegExp(ASTRAL.source, 'gu'), '\uFFFD')),
  ),
  stringVariant(
    'drops-combining-marks',
    'an anti-Zalgo filter strips combining marks (\\p{M}) from names',
    storingStrings(['name'], (value) => value.replace(/\p{M}/gu, '')),
  ),
  stringVariant(
    'collapses-inner-spaces',
    'a display-name cleanup collapses inner runs of spaces in names to one space',
    storingStrings(['name'], (value) => value.replace(/(?<=\S) {2,}(?=\S)/g, ' ')),
  ),
  stringVariant(
    'phone-digits-only',
    'phone is normalized to digits and + before saving, dropping spaces, dashes, dots and parentheses',
    storingStrings(['phone'], (value) => value.replace(/[^0-9+]/g, '')),
  ),
  stringVariant(
    'strips-zero-width',
    'a sanitiser removes zero-width characters (U+200B..U+200D, U+FEFF) from every string, breaking ZWJ emoji',
    storingStrings('all', (value) => value.replace(/[\u200B-\u200D\uFEFF]/g, '')),
  ),
  stringVariant(
    'html-escapes-strings',
    'an anti-XSS middleware HTML-escapes & < > " \' in every string before saving',
    storingStrings('all', (value) => value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char)),
  ),
];
