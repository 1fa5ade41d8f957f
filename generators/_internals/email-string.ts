/** Envelope addresses for the email field: the shaped branch first, so failures shrink to "a@a.co". */
import fc from 'fast-check';
import { emailBranches } from './email.ts';
import { isEnvelopeEmail, type Envelope } from './envelope.ts';
import { weighted } from './text-string.ts';

const WEIGHTS: Record<string, number> = { shaped: 4, faker: 3, mixedCase: 3, long: 1 };

export function emailString(envelope: Envelope): fc.Arbitrary<string> {
  const [first, ...rest] = weighted(emailBranches(envelope), WEIGHTS);
  if (!first) throw new Error('emailString: no branch');
  return fc.oneof({ withCrossShrink: true }, first, ...rest).filter((s) => isEnvelopeEmail(envelope, s));
}
