import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeMeeting,
  fullBody,
  rowBody,
  storedRowSequence,
  type Meeting,
} from '../../generators/index.ts';
import { contract, countClasses, expectEachClass, expectSameForSeed } from './helpers.ts';

const { updatable, required } = contract.fields;
const sequences = fc.sample(storedRowSequence(contract), { seed: 21, numRuns: 1000 });

/** The row the writes before the case leave: every write sends every field, so merge and replace agree. */
const lastRow = (s: (typeof sequences)[number]) => s.history.at(-1) ?? s.baseline;

describe('rowBody', () => {
  it('sends every updatable field, required ones as strings, optional ones sometimes null (1000 rows)', () => {
    const rows = fc.sample(rowBody(contract), { seed: 5, numRuns: 1000 });
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(updatable);
      expect(contract.validate.updateRequest(row)).toBe(true);
      for (const field of required) expect(typeof row[field]).toBe('string');
    }
    const nulls = rows.flatMap((row) => Object.values(row)).filter((v) => v === null).length;
    expect(nulls / (rows.length * (updatable.length - required.length))).toBeGreaterThan(0.15);
  });

  it('replays the same rows for the same seed', () => {
    expectSameForSeed(rowBody(contract), fullBody(contract));
  });
});

describe('storedRowSequence', () => {
  it('yields valid bodies only: the baseline and history send every field, the case may omit optional ones', () => {
    for (const s of sequences) {
      for (const write of [s.baseline, ...s.history]) {
        expect(Object.keys(write)).toEqual(updatable);
        expect(contract.validate.updateRequest(write)).toBe(true);
      }
      expect(contract.validate.updateRequest(s.body)).toBe(true);
      for (const field of required) expect(Object.hasOwn(s.body, field), field).toBe(true);
      expect(s.history.length).toBeLessThanOrEqual(2);
    }
  });

  it('labels each field of the case by how it meets the stored row, truthfully', () => {
    for (const s of sequences) {
      const row = lastRow(s);
      const earlier = [s.baseline, ...s.history].slice(0, -1);
      for (const field of updatable) {
        const sent = s.body[field];
        const meeting = s.meets[field] as Meeting;
        const held = row[field] ?? null;
        const expectations: Record<Meeting, () => boolean> = {
          same: () => sent === held,
          earlier: () => typeof sent === 'string' && sent !== held && earlier.some((r) => r[field] === sent),
          refolded: () =>
            typeof sent === 'string' &&
            typeof held === 'string' &&
            sent !== held &&
            sent.toLowerCase().trimEnd() === held.toLowerCase().trimEnd(),
          'to-null': () => sent === null && held !== null,
          'to-string': () => typeof sent === 'string' && held === null,
          new: () => typeof sent === 'string' && sent !== held,
          omitted: () => !Object.hasOwn(s.body, field) && !required.includes(field),
        };
        expect(expectations[meeting](), `${field}: ${meeting}, sent ${sent}, held ${held}`).toBe(true);
      }
    }
  });

  it('reaches every way of meeting the row, and the no-op (1000 sequences)', () => {
    const meetings = sequences.flatMap((s) => Object.values(s.meets));
    const counts = countClasses(meetings, {
      same: (m) => m === 'same',
      earlier: (m) => m === 'earlier',
      refolded: (m) => m === 'refolded',
      'to-null': (m) => m === 'to-null',
      'to-string': (m) => m === 'to-string',
      new: (m) => m === 'new',
      omitted: (m) => m === 'omitted',
    });
    expectEachClass('field meetings', counts, 200);
    const noOps = sequences.filter((s) => s.noOp);
    expect(noOps.length).toBeGreaterThan(150);
    for (const s of noOps) expect(s.body).toEqual(lastRow(s));
    expect(sequences.filter((s) => s.history.length === 2).length).toBeGreaterThan(200);
    expect(describeMeeting(noOps[0] as (typeof sequences)[number])).toBe('no-op: every field as stored');
  });

  it('replays the same sequences for the same seed', () => {
    expectSameForSeed(storedRowSequence(contract), fullBody(contract));
  });

  it('shrinks a failure to the no-op, with no history', () => {
    const result = fc.check(
      fc.property(storedRowSequence(contract), (s) => s.body['name'] === undefined),
      { seed: 3, numRuns: 100 },
    );
    const [shrunk] = result.counterexample ?? [];
    expect(shrunk?.noOp).toBe(true);
    expect(shrunk?.history).toEqual([]);
  });
});
