/**
 * Builds the Authorization header for a credential variant at send time, and the redacted form that is
 * recorded. Nothing derived from the token (not even base64) is ever recorded.
 */
import type { AuthVariant, MisplacedToken } from '../core/exchange.ts';

export const REDACTED = '[REDACTED]';
/** A wrong token with no relation to the real one. */
export const WRONG_TOKEN = 'conformance-suite-wrong-token';
const BASIC = `Basic ${Buffer.from('conformance-suite:not-a-password').toString('base64')}`;

/** The placeholder of the token in MISPLACED_TOKEN's headers. */
export const TOKEN_SLOT = '$TOKEN';

/**
 * The header each misplaced-token credential sends, the token's place marked by TOKEN_SLOT. The schemes are
 * what a Bearer pattern without its anchors, or a prefix test, lets through.
 */
export const MISPLACED_TOKEN: Record<MisplacedToken, string> = {
  'token-then-text': 'Bearer $TOKEN junk',
  'two-tokens': 'Bearer $TOKEN $TOKEN',
  'two-credentials': 'Bearer $TOKEN, Bearer $TOKEN',
  'prefixed-scheme': 'xBearer $TOKEN',
  'suffixed-scheme': 'Bearer-ish $TOKEN',
  'scheme-then-bearer': 'Basic bearer $TOKEN',
};

/** Whether a credential keeps the Bearer scheme (a token that is not the right one) or names another scheme. */
export function keepsBearerScheme(variant: MisplacedToken): boolean {
  return /^Bearer /.test(MISPLACED_TOKEN[variant]);
}

export function isMisplacedToken(variant: AuthVariant): variant is MisplacedToken {
  return Object.hasOwn(MISPLACED_TOKEN, variant);
}

export function authHeader(variant: AuthVariant, token: string): { sent?: string; recorded?: string } {
  if (isMisplacedToken(variant)) {
    const template = MISPLACED_TOKEN[variant];
    return {
      sent: template.replaceAll(TOKEN_SLOT, token),
      recorded: template.replaceAll(TOKEN_SLOT, REDACTED),
    };
  }
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
