/** The kill matrix as text: one row per variant, one column per rule; the expected rule marked. */
import type { Variant } from '../../backend/variants/catalogue.ts';
import { RULE_IDS } from '../../core/rules.ts';
import type { MatrixRow } from './matrix.ts';

/** Whether a row ended as its variant must: caught by its rule, or exit 2 for one that stops answering. */
const ended = (variant: Variant, row: MatrixRow | undefined): boolean =>
  variant.expect === 'exit-2' ? row?.cli.code === 2 : (row?.failedRules.includes(variant.rule) ?? false);

export function formatMatrix(
  variants: { variant: Variant; row: MatrixRow | undefined }[],
  ms: number,
): string {
  const width = Math.max(...variants.map((v) => v.variant.id.length), 7);
  const header = `${'variant'.padEnd(width)}  ${RULE_IDS.map((r) => r.padEnd(3)).join('')} caught  run`;
  const lines = variants.map(({ variant, row }) => {
    const cells = RULE_IDS.map((rule) => {
      const flagged = row?.failedRules.includes(rule) ?? false;
      if (rule === variant.rule) return (flagged ? '[X]' : '[ ]').padEnd(3);
      return (flagged ? ' x ' : ' . ').padEnd(3);
    }).join('');
    const caught = ended(variant, row) ? (variant.expect === 'exit-2' ? 'exit 2' : 'yes') : 'NO';
    return `${variant.id.padEnd(width)}  ${cells} ${caught.padEnd(6)}  ${row?.run ?? ''}`;
  });
  const missed = variants.filter(({ variant, row }) => !ended(variant, row)).length;
  const whole = variants.filter(({ row }) => row?.run === 'whole').length;
  return [
    "Kill matrix ([X] the variant's rule, caught; [ ] missed; x another rule also flagged;",
    'run: focused = --only its rule --bail, whole = every check to the end)',
    header,
    ...lines,
    `${variants.length - missed} of ${variants.length} variants caught by their rule (or ended with exit 2), ` +
      `${whole} of them by a whole run, in ${(ms / 1000).toFixed(0)} s`,
  ].join('\n');
}
