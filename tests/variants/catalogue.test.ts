/**
 * The variant catalogue: ids unique, every rule covered, and each variant shown to differ from the reference on a
 * request that exercises its bug, and to behave like the reference where its bug is not triggered.
 */
import { describe, expect, it } from 'vitest';
import { createReferenceBackend, type ReferenceOptions } from '../../backend/reference-backend.ts';
import type { Handler } from '../../backend/types.ts';
import { findVariant, VARIANTS, type Variant } from '../../backend/variants/catalogue.ts';
import { loadContract } from '../../contracts/load.ts';
import { RULE_IDS } from '../../core/rules.ts';

const contract = loadContract();
const TOKEN = 't';
const BASE = '/api/v1/unified/customer';

interface Seen {
  status: number;
  contentType: string | undefined;
  body: unknown;
}

type Headers = Record<string, string | undefined>;

/** Sends requests straight to a handler and keeps what came back. */
class Client {
  readonly log: Seen[] = [];

  constructor(private readonly handler: Handler) {}

  async send(method: string, path: string, text = '', headers: Headers = {}): Promise<Seen> {
    const merged: Headers = {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...headers,
    };
    const response = await this.handler({
      method,
      path,
      query: new URLSearchParams(),
      headers: merged,
      body: text,
    });
    let body: unknown = response.body;
    try {
      body = JSON.parse(response.body) as unknown;
    } catch {
      // not JSON: keep the text
    }
    const seen = { status: response.status, contentType: response.headers['content-type'], body };
    this.log.push(seen);
    return seen;
  }

  async create(body: Record<string, unknown>): Promise<string> {
    const seen = await this.send('POST', BASE, JSON.stringify(body));
    const id = (seen.body as { data?: { id?: unknown } }).data?.id;
    if (seen.status !== 201 || typeof id !== 'string')
      throw new Error(`create failed: ${JSON.stringify(seen)}`);
    return id;
  }

  put(id: string, body: unknown, headers: Headers = {}): Promise<Seen> {
    return this.putText(id, JSON.stringify(body), headers);
  }

  putText(id: string, text: string, headers: Headers = {}): Promise<Seen> {
    return this.send('PUT', `${BASE}/${encodeURIComponent(id)}`, text, headers);
  }

  get(id: string): Promise<Seen> {
    return this.send('GET', `${BASE}/${encodeURIComponent(id)}`);
  }
}

type Scenario = (client: Client) => Promise<void>;
type Options = Pick<ReferenceOptions, 'semantics' | 'edgePolicy'>;

const CREATED = {
  email: 'grace@example.com',
  name: 'Grace Hopper',
  address_line1: '1 Navy Yard',
  address_line2: 'Building 7',
  address_city: 'Arlington',
  address_country: 'US',
  address_state: 'Virginia',
  address_postal_code: '22202',
  shipping_address_line1: '2 Harbor Road',
  shipping_address_line2: 'Dock 3',
  shipping_address_city: 'Norfolk',
  shipping_address_country: 'US',
  shipping_address_state: 'VA',
  shipping_address_postal_code: '23511',
  phone: '+17035550100',
};

const PLAIN = {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  address_line1: '12 Baker Street',
  address_line2: 'Flat 4',
  address_city: 'London',
  address_country: 'GB',
  address_state: 'Greater London',
  address_postal_code: 'NW1 6XE',
  shipping_address_line1: '221 King Road',
  shipping_address_line2: 'Unit 9',
  shipping_address_city: 'Leeds',
  shipping_address_country: 'GB',
  shipping_address_state: 'West Yorkshire',
  shipping_address_postal_code: 'LS1 4AP',
  phone: '+442071234567',
};

const REQUIRED_ONLY = { email: PLAIN.email, name: PLAIN.name };

/** Create one customer, PUT `body` to it, then read it back. */
const update =
  (body: unknown, headers: Headers = {}): Scenario =>
  async (client) => {
    const id = await client.create(CREATED);
    await client.put(id, body, headers);
    await client.get(id);
  };

const updateText =
  (text: string, headers: Headers = {}): Scenario =>
  async (client) => {
    const id = await client.create(CREATED);
    await client.putText(id, text, headers);
    await client.get(id);
  };

const plainUpdate = update(PLAIN);
const withPlain = (changes: Record<string, unknown>): Scenario => update({ ...PLAIN, ...changes });

const createAndGet: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await client.get(id);
};

const putOnly: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await client.put(id, PLAIN);
};

const putTwice: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await client.put(id, PLAIN);
  await client.put(id, PLAIN);
};

const unknownId =
  (body: unknown): Scenario =>
  async (client) => {
    await client.create(CREATED);
    await client.put('cus_999999', body);
    await client.get('cus_999999');
  };

/** A create alone, whatever it answers. */
const createOnly =
  (body: Record<string, unknown>): Scenario =>
  async (client) => {
    await client.send('POST', BASE, JSON.stringify(body));
  };

/** A create and `n` GETs, the last raced against 100 ms: logged as status 0 when it gets no answer. */
const requests =
  (n: number): Scenario =>
  async (client) => {
    const id = await client.create(CREATED);
    for (let i = 2; i < n; i++) await client.get(id);
    const last = client.get(id).catch(() => undefined);
    const silence = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100));
    if ((await Promise.race([last, silence])) === undefined) {
      client.log.push({ status: 0, contentType: undefined, body: 'no answer' });
    }
  };

/** A PUT to another spelling of a real id, then a GET of the real one. */
const spelledId =
  (spell: (id: string) => string): Scenario =>
  async (client) => {
    const id = await client.create(CREATED);
    await client.put(spell(id), PLAIN);
    await client.get(id);
  };

/** Eight different full bodies sent at once to one customer. */
const BURST = Array.from({ length: 8 }, (_, index) => {
  const body: Record<string, string> = {};
  for (const [field, value] of Object.entries(PLAIN)) {
    body[field] = field === 'email' ? `writer${index}@example.com` : `${value} #${index}${'x'.repeat(index)}`;
  }
  return body;
});

/** A PUT in a later second than the creation (the clock's second changes in between). */
const putInALaterSecond: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
  await client.put(id, PLAIN);
  await client.get(id);
};

/** 150 plain updates: the one-off crash is on the 150th. */
const manyUpdates: Scenario = async (client) => {
  const id = await client.create(CREATED);
  for (let i = 0; i < 150; i++) await client.put(id, { ...PLAIN, name: `Ada ${i}` });
};

/**
 * Eight full bodies that keep some of the created customer's values (a third of the fields each, in turn) and
 * change the others, as burstBodies makes them.
 */
const MEETING_BURST = Array.from({ length: 8 }, (_, index) => {
  const body: Record<string, string> = {};
  Object.entries(PLAIN).forEach(([field, value], j) => {
    const kept = CREATED[field as keyof typeof CREATED];
    body[field] =
      (index + j) % 3 === 0 ? kept : field === 'email' ? `writer${index}@example.com` : `${value} #${index}`;
  });
  return body;
});

const meetingBurst: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await Promise.all(MEETING_BURST.map((body) => client.put(id, body)));
  await client.get(id);
};

const concurrentBurst: Scenario = async (client) => {
  const id = await client.create(CREATED);
  await Promise.all(BURST.map((body) => client.put(id, body)));
  await client.get(id);
};

interface Trigger {
  variant: string;
  scenario: Scenario;
  options?: Options;
  /** A check on the variant's transcript, beyond differing from the reference's. */
  check?: (log: Seen[]) => void;
}

const dataOf = (seen: Seen | undefined): Record<string, unknown> =>
  ((seen?.body as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<string, unknown>;

const STRICT: Options = { edgePolicy: 'strict' };
const REPLACE: Options = { semantics: 'replace' };

const TRIGGERS: Trigger[] = [
  // S1
  { variant: 'trims-all-strings', scenario: withPlain({ address_city: '  London ' }) },
  { variant: 'trims-names', scenario: withPlain({ name: ' Ada Lovelace ' }) },
  { variant: 'truncates-name-to-50', scenario: withPlain({ name: 'A'.repeat(60) }) },
  { variant: 'truncates-address-line1-to-100', scenario: withPlain({ address_line1: 'x'.repeat(120) }) },
  {
    variant: 'truncates-name-to-100',
    scenario: withPlain({ name: '\u{1F600}'.repeat(101) }),
    check: (log) => expect(Array.from(String(dataOf(log[1])['name']))).toHaveLength(100),
  },
  { variant: 'lowercases-email', scenario: withPlain({ email: 'Ada@Example.com' }) },
  { variant: 'normalizes-nfc', scenario: withPlain({ address_city: 'Zu\u0308rich' }) },
  { variant: 'normalizes-name-nfd', scenario: withPlain({ name: 'Zo\u00e9 Lovelace' }) },
  { variant: 'replaces-astral-chars', scenario: withPlain({ shipping_address_line2: 'Unit 9 \u{1F680}' }) },
  { variant: 'drops-combining-marks', scenario: withPlain({ name: 'Zoe\u0301 Lovelace' }) },
  { variant: 'collapses-inner-spaces', scenario: withPlain({ name: 'Ada  Lovelace' }) },
  { variant: 'phone-digits-only', scenario: withPlain({ phone: '+44 (20) 7123-4567' }) },
  { variant: 'strips-zero-width', scenario: withPlain({ name: 'Ada \u{1F469}\u200D\u{1F4BB}' }) },
  { variant: 'html-escapes-strings', scenario: withPlain({ address_line1: 'Smith & Sons <Ltd>' }) },
  { variant: 'swaps-city-and-state', scenario: plainUpdate },
  { variant: 'ignores-null-optional', scenario: withPlain({ phone: null }) },
  { variant: 'stores-null-as-empty-string', scenario: withPlain({ address_line2: null }) },
  { variant: 'stores-null-as-text', scenario: withPlain({ shipping_address_state: null }) },
  // S2
  { variant: 'replaces-only-shipping', scenario: update(REQUIRED_ONLY) },
  { variant: 'replaces-only-shipping', scenario: update(REQUIRED_ONLY), options: REPLACE },
  {
    variant: 'switches-semantics-after-5-updates',
    scenario: async (client) => {
      const id = await client.create(CREATED);
      for (let round = 0; round < 6; round += 1) await client.put(id, REQUIRED_ONLY);
      await client.get(id);
    },
  },
  // S3
  { variant: 'is-primary-from-body', scenario: withPlain({ is_primary: true }) },
  { variant: 'is-primary-from-body', scenario: withPlain({ is_primary: true }), options: STRICT },
  { variant: 'source-system-from-body', scenario: withPlain({ source_system: 'crm' }) },
  {
    variant: 'source-system-stamped-on-update',
    scenario: plainUpdate,
    check: (log) => expect(log.map((seen) => dataOf(seen)['source_system'])).toEqual([null, 'api', 'api']),
  },
  {
    variant: 'id-from-body',
    scenario: async (client) => {
      const id = await client.create(CREATED);
      await client.put(id, { ...PLAIN, id: 'cus_999999' });
      await client.get(id);
      await client.get('cus_999999');
    },
  },
  { variant: 'is-active-flips', scenario: plainUpdate },
  { variant: 'created-at-rewritten', scenario: plainUpdate },
  { variant: 'external-data-reset', scenario: plainUpdate },
  // S4
  {
    variant: 'stale-read-cache',
    scenario: async (client) => {
      const id = await client.create(CREATED);
      await client.get(id);
      await client.put(id, PLAIN);
      await client.get(id);
    },
    check: (log) => expect(dataOf(log[3])['name']).toBe(CREATED.name),
  },
  { variant: 'read-lags-one-write', scenario: plainUpdate },
  { variant: 'update-skips-line2-column', scenario: plainUpdate },
  // S5
  {
    variant: 'suffixes-duplicate-name',
    scenario: putTwice,
    check: (log) => expect(dataOf(log[2])).not.toEqual(dataOf(log[1])),
  },
  // S6
  {
    variant: 'leaks-name-to-next-customer',
    scenario: async (client) => {
      const a = await client.create(CREATED);
      const b = await client.create({ ...CREATED, name: 'Bea Victim' });
      await client.put(a, PLAIN);
      await client.get(b);
    },
  },
  {
    variant: 'leaks-phone-to-previous-customer',
    scenario: async (client) => {
      const a = await client.create({ ...CREATED, phone: '+15550000000' });
      const b = await client.create(CREATED);
      await client.put(b, PLAIN);
      await client.get(a);
    },
  },
  {
    variant: 'leaks-name-to-next-pair',
    scenario: async (client) => {
      const a = await client.create(CREATED);
      await client.create({ ...CREATED, name: 'Bea Bystander' });
      const c = await client.create({ ...CREATED, name: 'Cid Victim' });
      await client.put(a, PLAIN);
      await client.get(c);
    },
  },
  // S7
  {
    variant: 'per-field-writes',
    scenario: concurrentBurst,
    check: (log) => {
      const stored = dataOf(log.at(-1));
      const matches = BURST.filter((body) =>
        Object.entries(body).every(([field, value]) => stored[field] === value),
      );
      expect(matches).toHaveLength(0);
    },
  },
  {
    variant: 'per-field-writes-answers-from-row',
    scenario: concurrentBurst,
    check: (log) => {
      // The last answer is the stored mix itself: no answer shows only its own body.
      const stored = dataOf(log.at(-1));
      const matches = BURST.filter((body) =>
        Object.entries(body).every(([field, value]) => stored[field] === value),
      );
      expect(matches).toHaveLength(0);
    },
  },
  {
    variant: 'diff-based-save',
    scenario: meetingBurst,
    check: (log) => {
      const stored = dataOf(log.at(-1));
      const matches = MEETING_BURST.filter((body) =>
        Object.entries(body).every(([field, value]) => stored[field] === value),
      );
      expect(matches).toHaveLength(0);
    },
  },
  {
    variant: 'dirty-check-ignores-case',
    scenario: async (client) => {
      const id = await client.create(CREATED);
      await client.put(id, PLAIN);
      await client.put(id, {
        ...PLAIN,
        name: PLAIN.name.toUpperCase(),
        address_city: `${PLAIN.address_city} `,
      });
      await client.get(id);
    },
    check: (log) => expect(dataOf(log[3])['name']).toBe(PLAIN.name),
  },
  // A PUT that changes nothing
  {
    variant: 'no-op-update-answers-404',
    scenario: putTwice,
    check: (log) => expect(log.map((seen) => seen.status)).toEqual([201, 200, 404]),
  },
  {
    variant: 'no-op-update-stamps-created-at',
    scenario: putTwice,
    check: (log) =>
      expect(dataOf(log[2])['source_data_created_at']).not.toEqual(dataOf(log[1])['source_data_created_at']),
  },
  // B1
  { variant: 'accepts-missing-name', scenario: update({ email: PLAIN.email }) },
  { variant: 'accepts-null-email', scenario: update({ name: PLAIN.name, email: null }) },
  { variant: 'coerces-number-name', scenario: update({ email: PLAIN.email, name: 123 }) },
  // B2
  { variant: 'coerces-numeric-address-fields', scenario: withPlain({ address_postal_code: 12345 }) },
  { variant: 'rejects-null-optional', scenario: withPlain({ phone: null }) },
  // B3
  { variant: 'rejects-over-100-chars', scenario: withPlain({ name: 'A'.repeat(150) }) },
  { variant: 'rejects-single-characters', scenario: withPlain({ address_line2: 'B' }) },
  { variant: 'rejects-exactly-255', scenario: withPlain({ name: 'A'.repeat(255) }) },
  { variant: 'rejects-non-ascii-name', scenario: withPlain({ name: 'José Lovelace' }) },
  { variant: 'rejects-uppercase-email', scenario: withPlain({ email: 'Ada@Example.com' }) },
  { variant: 'rejects-astral-chars', scenario: withPlain({ address_city: 'London \u{1F3F0}' }) },
  // B4
  { variant: 'truncates-over-255', scenario: withPlain({ name: 'A'.repeat(300) }) },
  { variant: 'empty-string-stored-as-null', scenario: withPlain({ address_line2: '' }) },
  { variant: 'strips-nul-chars', scenario: withPlain({ name: 'Ada\u0000Lovelace' }) },
  { variant: 'lone-surrogates-become-fffd', scenario: withPlain({ name: 'Ada \ud800' }) },
  // B5
  { variant: 'array-body-as-batch', scenario: updateText('[]') },
  { variant: 'array-body-as-batch', scenario: updateText('[]'), options: STRICT },
  { variant: 'empty-body-is-noop', scenario: updateText('') },
  // B6
  { variant: 'echoes-unknown-properties', scenario: withPlain({ nickname: 'Ace' }) },
  { variant: 'legacy-alias-overrides-name', scenario: withPlain({ full_name: 'Augusta Ada King' }) },
  // B7
  { variant: 'non-json-body-ignored', scenario: update(PLAIN, { 'content-type': 'text/plain' }) },
  // A1
  {
    variant: 'saves-name-before-validation',
    scenario: update({ name: 'Mallory', email: 42 }),
    check: (log) => expect(log[1]?.status).toBe(400),
  },
  {
    variant: 'writes-despite-401',
    scenario: update(PLAIN, { authorization: 'Bearer wrong' }),
    check: (log) => expect(log[1]?.status).toBe(401),
  },
  // A2
  { variant: 'accepts-any-bearer-token', scenario: update(PLAIN, { authorization: 'Bearer wrong' }) },
  {
    variant: 'refuses-json-with-parameters',
    scenario: update(PLAIN, { 'content-type': 'application/json; charset=utf-8' }),
    check: (log) => expect(log[1]?.status).toBe(415),
  },
  {
    variant: 'bearer-pattern-unanchored',
    scenario: update(PLAIN, { authorization: `xBearer ${TOKEN}` }),
    check: (log) => expect(log[1]?.status).toBe(200),
  },
  {
    variant: 'bearer-pattern-unanchored',
    scenario: update(PLAIN, { authorization: `Bearer ${TOKEN} junk` }),
  },
  {
    variant: 'bearer-prefix-check',
    scenario: update(PLAIN, { authorization: `Bearer-ish ${TOKEN}` }),
    check: (log) => expect(log[1]?.status).toBe(200),
  },
  { variant: 'accepts-missing-authorization', scenario: update(PLAIN, { authorization: undefined }) },
  { variant: 'accepts-non-bearer-schemes', scenario: update(PLAIN, { authorization: 'Basic dXNlcjpwYXNz' }) },
  { variant: 'missing-auth-answers-400', scenario: update(PLAIN, { authorization: undefined }) },
  // I1
  {
    variant: 'upsert-unknown-id',
    scenario: unknownId(PLAIN),
    check: (log) => expect(log[2]?.status).toBe(200),
  },
  {
    variant: 'unknown-id-answers-200',
    scenario: unknownId(PLAIN),
    check: (log) => expect(log.map((seen) => seen.status)).toEqual([201, 200, 404]),
  },
  { variant: 'unknown-id-answers-400', scenario: unknownId(PLAIN) },
  {
    variant: 'case-insensitive-id',
    scenario: spelledId((id) => id.toUpperCase()),
    check: (log) => expect(dataOf(log[2])['name']).toBe(PLAIN.name),
  },
  {
    variant: 'trailing-space-insensitive-id',
    scenario: spelledId((id) => `${id}  `),
    check: (log) => expect(dataOf(log[2])['name']).toBe(PLAIN.name),
  },
  // I2
  { variant: 'returns-source-id-as-id', scenario: plainUpdate },
  {
    variant: 'create-answers-wrong-id',
    scenario: createAndGet,
    check: (log) => expect(log.map((seen) => seen.status)).toEqual([201, 404]),
  },
  // R2: a backend that stops answering after its 300th request
  {
    variant: 'hangs-after-300-requests',
    scenario: requests(301),
    check: (log) => expect(log.at(-1)?.status).toBe(0),
  },
  {
    variant: 'exits-after-300-requests',
    scenario: requests(301),
    check: (log) => expect(log.at(-1)?.status).toBe(0),
  },
  // R1 and B3 on the companion operations
  {
    variant: 'no-envelope-anywhere',
    scenario: createOnly(CREATED),
    check: (log) => expect(log[0]?.body).toMatchObject({ id: 'cus_000001', name: CREATED.name }),
  },
  {
    variant: 'create-answers-empty-id',
    scenario: createOnly(CREATED),
    check: (log) => expect(dataOf(log[0])['id']).toBe(''),
  },
  {
    variant: 'create-refuses-over-40',
    scenario: createOnly({ ...CREATED, address_line1: `${'1 Navy Yard '.repeat(3)}, Building 7` }),
    check: (log) => expect(log[0]?.status).toBe(400),
  },
  {
    variant: 'returns-row-number-as-id',
    scenario: plainUpdate,
    check: (log) => expect(dataOf(log[1])['id']).toBe('1'),
  },
  // R1
  { variant: 'no-data-envelope', scenario: plainUpdate },
  { variant: 'text-plain-content-type', scenario: plainUpdate },
  { variant: 'created-at-sql-format', scenario: createAndGet },
  { variant: 'is-primary-as-string', scenario: createAndGet },
  { variant: 'omits-null-phone', scenario: withPlain({ phone: null }) },
  {
    variant: 'no-source-system-though-pinned',
    scenario: createAndGet,
    check: (log) => expect(log.map((seen) => dataOf(seen)['source_system'])).toEqual([null, null]),
  },
  // R2
  { variant: 'crashes-on-emoji', scenario: withPlain({ name: 'Ada \u{1F680}' }) },
  { variant: 'crashes-on-unknown-property', scenario: withPlain({ nickname: 'Ace' }) },
  { variant: 'crashes-on-bad-json', scenario: updateText('{"name": ') },
  { variant: 'crashes-on-null-phone', scenario: withPlain({ phone: null }) },
  { variant: 'over-255-answers-503', scenario: withPlain({ name: 'A'.repeat(300) }) },
  {
    variant: 'crashes-once-on-cache-rebuild',
    scenario: manyUpdates,
    check: (log) => expect(log.filter((seen) => seen.status === 500)).toHaveLength(1),
  },
  // Timing
  {
    variant: 'created-at-on-update-current-timestamp',
    scenario: putInALaterSecond,
    check: (log) =>
      expect(dataOf(log[1])['source_data_created_at']).not.toEqual(dataOf(log[0])['source_data_created_at']),
  },
];

/**
 * Where the variant must behave like the reference: a plain full update by default; scenarios that only avoid
 * the bug for variants whose bug shows on every update; more scenarios that show a variant is as narrow as its
 * description (it does not touch the fields or inputs it does not name).
 */
const SAME: Record<string, Scenario[]> = {
  'trims-names': [plainUpdate, withPlain({ address_city: '  London ' })],
  'truncates-name-to-50': [plainUpdate, withPlain({ address_line1: 'x'.repeat(120) })],
  'truncates-address-line1-to-100': [plainUpdate, withPlain({ name: 'x'.repeat(120) })],
  'truncates-name-to-100': [plainUpdate, withPlain({ address_line1: 'x'.repeat(120) })],
  'lowercases-email': [plainUpdate, withPlain({ name: 'ADA LOVELACE' })],
  'normalizes-name-nfd': [plainUpdate, withPlain({ address_city: 'Z\u00fcrich' })],
  'drops-combining-marks': [plainUpdate, withPlain({ address_city: 'Zu\u0308rich' })],
  'collapses-inner-spaces': [plainUpdate, withPlain({ address_line1: '12  Baker Street' })],
  'phone-digits-only': [plainUpdate, withPlain({ name: 'Ada (Countess) Lovelace' })],
  'swaps-city-and-state': [update({ ...PLAIN, address_city: undefined, address_state: undefined })],
  'is-active-flips': [createAndGet],
  'created-at-rewritten': [createAndGet],
  'external-data-reset': [createAndGet],
  'source-system-stamped-on-update': [],
  'read-lags-one-write': [putOnly],
  'update-skips-line2-column': [withPlain({ address_line2: CREATED.address_line2 })],
  'rejects-non-ascii-name': [plainUpdate, withPlain({ address_city: 'Zürich' })],
  'rejects-uppercase-email': [plainUpdate, withPlain({ name: 'ADA LOVELACE' })],
  'coerces-numeric-address-fields': [plainUpdate, withPlain({ phone: 5551234 })],
  'rejects-null-optional': [plainUpdate, update(REQUIRED_ONLY)],
  'returns-source-id-as-id': [createAndGet],
  'returns-row-number-as-id': [createAndGet],
  'no-data-envelope': [createAndGet],
  'no-envelope-anywhere': [],
  'create-answers-wrong-id': [],
  'create-answers-empty-id': [],
  'text-plain-content-type': [createAndGet],
  'created-at-sql-format': [],
  // Its creation time is the clock's, where the reference's is fixed: every answer differs in that one field.
  'created-at-on-update-current-timestamp': [],
  'is-primary-as-string': [],
  'no-source-system-though-pinned': [],
  'crashes-on-null-phone': [plainUpdate, withPlain({ address_line2: null })],
  'omits-null-phone': [plainUpdate, withPlain({ address_line2: null })],
};

const OPTION_SETS: Options[] = [
  { semantics: 'merge', edgePolicy: 'lenient' },
  { semantics: 'replace', edgePolicy: 'lenient' },
  { semantics: 'merge', edgePolicy: 'strict' },
  { semantics: 'replace', edgePolicy: 'strict' },
];

const referenceBuild = (options: ReferenceOptions): Handler => createReferenceBackend(options).handler;

async function run(build: (options: ReferenceOptions) => Handler, options: Options, scenario: Scenario) {
  const client = new Client(build({ contract, token: TOKEN, ...options }));
  await scenario(client);
  return client.log;
}

function variant(id: string): Variant {
  const found = findVariant(id);
  if (!found) throw new Error(`no variant ${id}`);
  return found;
}

describe('variant catalogue', () => {
  it('has unique kebab-case ids and at least 32 variants', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(32);
    expect(new Set(VARIANTS.map((v) => v.id)).size).toBe(VARIANTS.length);
    for (const v of VARIANTS) expect(v.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names every rule, S1 and S3 several times', () => {
    const rules = VARIANTS.map((v) => v.rule);
    for (const rule of RULE_IDS) expect(rules, rule).toContain(rule);
    expect(rules.filter((rule) => rule === 'S1').length).toBeGreaterThanOrEqual(5);
    expect(rules.filter((rule) => rule === 'S3').length).toBeGreaterThanOrEqual(3);
  });

  it('describes every variant in one line', () => {
    for (const v of VARIANTS) expect(v.description, v.id).toMatch(/^[^\n]{10,200}$/);
  });

  it('finds variants by id', () => {
    expect(findVariant('trims-names')?.rule).toBe('S1');
    expect(findVariant('no-such-variant')).toBeUndefined();
  });

  it('has a trigger for every variant, and only for variants it holds', () => {
    const triggered = new Set(TRIGGERS.map((t) => t.variant));
    for (const v of VARIANTS) expect(triggered.has(v.id), v.id).toBe(true);
    for (const id of [...triggered, ...Object.keys(SAME)]) expect(findVariant(id), id).toBeDefined();
  });
});

describe.each(
  TRIGGERS.map(
    (t) =>
      [
        `${t.variant} (${t.options?.semantics ?? 'merge'}, ${t.options?.edgePolicy ?? 'lenient'})`,
        t,
      ] as const,
  ),
)('variant %s', (_name, trigger) => {
  it('differs from the reference where its bug is triggered', async () => {
    const options = trigger.options ?? {};
    const expected = await run(referenceBuild, options, trigger.scenario);
    const actual = await run(variant(trigger.variant).build, options, trigger.scenario);
    expect(actual).not.toEqual(expected);
    trigger.check?.(actual);
  });
});

// Variants whose bug shows on every request have no untriggered scenario (an empty SAME entry).
const comparable = VARIANTS.filter((v) => (SAME[v.id] ?? [plainUpdate]).length > 0);

describe.each(comparable.map((v) => [v.id] as const))('variant %s', (id) => {
  const scenarios = SAME[id] ?? [plainUpdate];
  it('behaves like the reference where its bug is not triggered', async () => {
    for (const options of OPTION_SETS) {
      for (const scenario of scenarios) {
        const expected = await run(referenceBuild, options, scenario);
        const actual = await run(variant(id).build, options, scenario);
        expect(actual, JSON.stringify(options)).toEqual(expected);
      }
    }
  });
});

describe('the reference itself', () => {
  it('leaves exactly one of the concurrent bodies stored, also when they keep some stored values', async () => {
    const log = await run(referenceBuild, {}, meetingBurst);
    const stored = dataOf(log.at(-1));
    const matches = MEETING_BURST.filter((body) =>
      Object.entries(body).every(([field, value]) => stored[field] === value),
    );
    expect(matches).toHaveLength(1);
  });

  it('leaves exactly one of the concurrent bodies stored', async () => {
    const log = await run(referenceBuild, {}, concurrentBurst);
    const stored = dataOf(log.at(-1));
    const matches = BURST.filter((body) =>
      Object.entries(body).every(([field, value]) => stored[field] === value),
    );
    expect(matches).toHaveLength(1);
  });
});
