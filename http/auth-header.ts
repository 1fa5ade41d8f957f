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

/** Replaces every occurrence of the token in text a backend sent back (some echo the header). */
export function scrub(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join(REDACTED) : text;
}
