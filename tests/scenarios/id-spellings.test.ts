/** The spellings of an id that collations, routers and decoders fold: each a different id, shaped after the id. */
import { describe, expect, it } from 'vitest';
import { CustomerStore } from '../../backend/customer-store.ts';
import { spellId, spellingsOf } from '../../suites/scenarios/id-spellings.ts';

const names = (id: string) => spellingsOf(id).map((s) => s.name);

describe('id spellings', () => {
  it('cover the reference backend ids (prefix and zero-padded number)', () => {
    const id = new CustomerStore().nextId();
    const spelled = Object.fromEntries(spellingsOf(id).map((s) => [s.name, s.id]));
    expect(spelled).toMatchObject({
      'case-flipped': id.toUpperCase(),
      'one-letter-case-flipped': `C${id.slice(1)}`,
      'leading-space': ` ${id}`,
      'trailing-space': `${id} `,
      'trailing-tab': `${id}\t`,
      'accented-letter': `ć${id.slice(1)}`,
      'combining-mark': `c\u0301${id.slice(1)}`,
      'full-width': 'ｃｕｓ＿０００００１',
      'trailing-dot': `${id}.`,
      'number-part-unpadded': 'cus_1',
      'number-part-extra-zero': 'cus_0000001',
    });
    expect(spelled['accented-letter']?.normalize('NFD')).toBe(spelled['combining-mark']);
  });

  it('add the forms PostgreSQL folds onto a uuid', () => {
    const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
    expect(spellId(id, 'uuid-upper-case')).toBe(id.toUpperCase());
    expect(spellId(id, 'uuid-braces')).toBe(`{${id}}`);
    expect(spellId(id, 'uuid-no-hyphens')).toBe(id.replace(/-/g, ''));
  });

  it('add the strings MySQL compares equal to an INT column', () => {
    expect(
      spellingsOf('42')
        .filter((s) => s.name.startsWith('number-'))
        .map((s) => s.id),
    ).toEqual(['042', '42abc', '+42', '42.0']);
    expect(names('42')).not.toContain('case-flipped');
  });

  it('never give the id itself nor the same spelling twice', () => {
    for (const id of ['cus_000001', '42', 'ABC', '___', '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b', 'x9']) {
      const ids = spellingsOf(id).map((s) => s.id);
      expect(ids).not.toContain(id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(spellId('12345', 'case-flipped')).toBeUndefined();
  });
});
