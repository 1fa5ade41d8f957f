/** B3 (envelope strings stored exactly) and B4 (strings outside it: lenient stores them, strict answers 422). */
import { describe, expect, it } from 'vitest';
import { fullBody } from './bodies.ts';
import { dataOf, EDGE_POLICIES, referenceClient } from './client.ts';

const EMOJI = '\u{1F600}';
const ENVELOPE: [string, string][] = [
  ['leading and trailing spaces', '  Acme Corp  '],
  ['inner runs of spaces', 'Acme    Corp'],
  ['mixed case', 'aCmE CoRP'],
  ['NFC accents', 'Caf\u00e9 M\u00fcller'],
  ['NFD accents', 'Cafe\u0301 Mu\u0308ller'],
  ['combining marks', 'Z\u0351\u0352a\u0317lgo'],
  ['right-to-left', '\u0634\u0631\u0643\u0629 \u05d0\u05d1\u05d2'],
  ['CJK', '\u6771\u4eac\u682a\u5f0f\u4f1a\u793e'],
  ['emoji outside the BMP', `Shop ${EMOJI} \u{1F469}\u200D\u{1F469}\u200D\u{1F467}`],
  ['255 ASCII characters', 'a'.repeat(255)],
  ['255 code units ending in emoji', `${'b'.repeat(253)}${EMOJI}`],
  ['one character', 'x'],
  ['HTML-special characters', `O'Brien & <Sons> "Ltd"`],
];
const EMAILS = ['Mixed.Case@Example.COM', 'first+tag@sub.example.org'];

describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
  it.each(ENVELOPE)('B3 %s: 200 and stored code unit for code unit', async (_what, value) => {
    const client = referenceClient('merge', edgePolicy);
    const { id } = await client.create(fullBody('before'));
    const body = { ...fullBody('after'), name: value, address_line1: value, phone: value };
    const reply = await client.put(id, body);
    expect(reply.status).toBe(200);
    const stored = dataOf(await client.get(id));
    for (const data of [dataOf(reply), stored]) {
      for (const field of ['name', 'address_line1', 'phone']) expect(data[field]).toBe(value);
    }
    expect(String(stored['name']).length).toBe(value.length);
  });

  it.each(EMAILS)('B3 a realistic email %s is stored exactly', async (email) => {
    const client = referenceClient('merge', edgePolicy);
    const { id } = await client.create(fullBody('before'));
    expect(dataOf(await client.put(id, { ...fullBody('after'), email }))['email']).toBe(email);
    expect(dataOf(await client.get(id))['email']).toBe(email);
  });
});

const OUTSIDE: [string, Record<string, string>][] = [
  ['a 256-character name', { name: 'n'.repeat(256) }],
  ['a 1000-character address line', { address_line2: 'long '.repeat(200) }],
  ['an empty name', { name: '' }],
  ['U+0000 in a city', { address_city: 'Los\u0000Santos' }],
  ['a lone surrogate in a phone', { phone: '+1 \ud800 555' }],
  ['a non-address email', { email: 'not an address' }],
];

describe('B4 strings outside the envelope', () => {
  it.each(OUTSIDE)('lenient: %s is accepted and stored exactly', async (_what, change) => {
    const client = referenceClient('merge', 'lenient');
    const { id } = await client.create(fullBody('before'));
    const reply = await client.put(id, { ...fullBody('after'), ...change });
    expect(reply.status).toBe(200);
    const stored = dataOf(await client.get(id));
    for (const [field, value] of Object.entries(change)) {
      expect(dataOf(reply)[field]).toBe(value);
      expect(stored[field]).toBe(value);
    }
  });

  it.each(OUTSIDE)('strict: %s answers 422 and stores nothing', async (_what, change) => {
    const client = referenceClient('merge', 'strict');
    const { id } = await client.create(fullBody('before'));
    const before = client.snapshot();
    const reply = await client.put(id, { ...fullBody('after'), ...change });
    expect(reply.status).toBe(422);
    expect(client.snapshot()).toEqual(before);
  });
});
