/**
 * Builds the Authorization header for a credential variant at send time, and the redacted form that is
 * recorded. Nothing derived from the token (not even base64) is ever recorded.
 */
import type { AuthVariant } from '../core/exchange.ts';

export const REDACTED = '[REDACTED]';
/** A wrong token with no relation to the real one. */
export const WRONG_TOKEN = 'conformance-suite-wrong-token';
const BASIC = `Basic ${Buffer.from('conformance-suite:not-a-password').toString('base64')}`;

export function authHeader(variant: AuthVariant, token: string): { sent?: string; recorded?: string } {
  switch (variant) {
    case 'valid':
      return { sent: `Bearer ${token}`, recorded: `Bearer ${REDACTED}` };
    case 'valid-lowercase-scheme':
      return { sent: `bearer ${token}`, recorded: `bearer ${REDACTED}` };
    case 'none':
      return {};
    case 'basic-scheme':
      return { sent: BASIC, recorded: BASIC };
    case 'bearer-without-token':
      return { sent: 'Bearer', recorded: 'Bearer' };
    case 'wrong-token':
      return { sent: `Bearer ${WRONG_TOKEN}`, recorded: `Bearer ${WRONG_TOKEN}` };
  }
}

/**
 * Shorter tokens are not scrubbed from responses: a token such as "t" occurs in any text, and cutting it out
 * would corrupt the answers being judged (and hide nothing).
 */
export const MIN_SCRUBBED_TOKEN = 8;

/** Replaces every occurrence of the token in text a backend sent back (some echo the header). */
export function scrub(text: string, token: string): string {
  return token.length >= MIN_SCRUBBED_TOKEN ? text.split(token).join(REDACTED) : text;
}
