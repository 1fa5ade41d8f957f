/** Rule A2: missing or wrong credentials not refused with 401/403. */
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';
import { withSteps, type StepOverrides } from './kit.ts';

function authVariant(id: string, description: string, steps: StepOverrides): Variant {
  return { id, rule: 'A2', description, build: (options) => withSteps(options, steps).handler };
}

export const AUTH_VARIANTS: readonly Variant[] = [
  authVariant(
    'accepts-any-bearer-token',
    'the auth middleware checks the Bearer scheme but never compares the token',
    {
      authorize(header, ctx) {
        const outcome = referenceSteps.authorize.call(this, header, ctx);
        return outcome === 'wrong' ? 'ok' : outcome;
      },
    },
  ),
  authVariant(
    'accepts-missing-authorization',
    'the auth middleware only checks a token when an Authorization header is present',
    {
      authorize(header, ctx) {
        return header === undefined || header.trim() === ''
          ? 'ok'
          : referenceSteps.authorize.call(this, header, ctx);
      },
    },
  ),
  authVariant(
    'accepts-non-bearer-schemes',
    'the auth middleware verifies Bearer tokens only and passes other schemes (Basic, Token) through unchecked',
    {
      authorize(header, ctx) {
        const scheme = header?.trim().split(/\s+/)[0] ?? '';
        return scheme !== '' && !/^bearer$/i.test(scheme)
          ? 'ok'
          : referenceSteps.authorize.call(this, header, ctx);
      },
    },
  ),
  authVariant(
    'bearer-pattern-unanchored',
    'the Bearer pattern lost its anchors (/bearer +(\\S+)/i instead of /^bearer +(\\S+)$/i): the token is found anywhere in the header',
    {
      authorize(header, ctx) {
        if (header === undefined || header.trim() === '') return 'missing';
        const match = /bearer +(\S+)/i.exec(header);
        if (!match) return 'missing';
        return match[1] === ctx.token ? 'ok' : 'wrong';
      },
    },
  ),
  authVariant(
    'bearer-prefix-check',
    "the middleware tests header.startsWith('Bearer') and takes header.split(' ')[1] as the token, whatever surrounds it",
    {
      authorize(header, ctx) {
        if (header === undefined || !header.toLowerCase().startsWith('bearer')) return 'missing';
        const token = header.split(' ')[1];
        if (token === undefined || token === '') return 'missing';
        return token === ctx.token ? 'ok' : 'wrong';
      },
    },
  ),
  authVariant(
    'missing-auth-answers-400',
    'a header-schema validator answers 400 to a request without usable credentials before the auth middleware runs',
    {
      authStatus(outcome, ctx) {
        return outcome === 'missing' ? 400 : referenceSteps.authStatus.call(this, outcome, ctx);
      },
    },
  ),
];
