/** The benchmark's reading of exchanges.ndjson: setup/cleanup range, burst groups, scenario boundaries. */
import { describe, expect, it } from 'vitest';
import { scenarios, steps, suiteRange } from '../../bench/lib/exchange-file.ts';
import { spread } from '../../bench/lib/stats.ts';

const roles = (...names: string[]) => names.map((role) => ({ role }));

describe('bench log helpers', () => {
  const log = roles(
    'preflight',
    'fixture-create-A',
    'fixture-create-B',
    'fixture-read-A',
    'fixture-read-B',
    // semantics probe
    'baseline',
    'update',
    'readback',
    // two update cases with the other fixture read around them
    'other-before',
    'baseline',
    'update',
    'readback',
    'other',
    'other-before',
    'baseline',
    'update',
    'readback',
    'other',
    // a repeat, a burst, an unknown id
    'baseline',
    'first',
    'second',
    'baseline',
    'burst',
    'burst',
    'burst',
    'readback',
    'other-before',
    'update',
    'readback',
    'other',
    'fixture-delete-A',
  );

  it('finds the suites’ own requests between setup and clean-up', () => {
    expect(suiteRange(log)).toEqual({ first: 5, last: log.length - 2 });
  });

  it('groups consecutive burst entries into one concurrent step', () => {
    const sizes = steps(log).map((g) => g.length);
    expect(sizes.filter((n) => n > 1)).toEqual([3]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(log.length);
  });

  it('splits the suites’ requests into scenarios', () => {
    const found = scenarios(log).map((c) =>
      log
        .slice(c.first, c.last + 1)
        .map((e) => e.role)
        .join(' '),
    );
    expect(found).toEqual([
      'baseline update readback',
      'other-before baseline update readback other',
      'other-before baseline update readback other',
      'baseline first second',
      'baseline burst burst burst readback',
      'other-before update readback other',
    ]);
  });

  it('takes the median of odd and even counts', () => {
    expect(spread([3, 1, 2]).median).toBe(2);
    expect(spread([4, 1, 2, 3]).median).toBe(2.5);
    expect(spread([]).n).toBe(0);
  });
});
