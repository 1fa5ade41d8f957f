/**
 * A variant whose bug breaks only a pinned contract runs against a copy of contracts/ that pins it, passed with
 * --contract-dir as a team would; every other variant runs against the default contract.
 */
import type { Variant } from '../../backend/variants/catalogue.ts';
import { copyContract, editJson, removeCopies } from '../contracts/contract-dir.ts';

export { removeCopies as removePinnedContracts };

/** The extra command-line arguments of a run against `variant`: none, or --contract-dir with its pins. */
export function pinnedContractArgs(variant: Pick<Variant, 'pinnedNonNull'> | undefined): string[] {
  const pinned = variant?.pinnedNonNull;
  if (!pinned?.length) return [];
  const dir = copyContract();
  editJson(dir, 'tolerances.json', (tolerances) => {
    const fields = tolerances['fields'] as { mayBeNull: string[] };
    fields.mayBeNull = fields.mayBeNull.filter((field) => !pinned.includes(field));
  });
  return ['--contract-dir', dir];
}
