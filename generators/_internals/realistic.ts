/**
 * Realistic values that fit the envelope, for bodies that must look like real data: the full bodies of
 * baselines and concurrent bursts (tagged with a per-body token so two bodies differ in every field), and the
 * fixed catalogue's baseline.
 */
import { fitToUnits, isEnvelopeEmail, isInEnvelope, type Envelope } from './envelope.ts';
import type { FieldKind } from './field-kind.ts';

const LOCAL_MAX = 40;

/** Keeps a local part to letters, digits and single inner separators. */
function cleanLocal(local: string): string {
  return local
    .replace(/[^A-Za-z0-9._+-]/g, '')
    .replace(/[._+-]{2,}/g, '.')
    .replace(/^[._+-]+|[._+-]+$/g, '');
}

function taggedEmail(envelope: Envelope, pick: string, token: string): string {
  const at = pick.lastIndexOf('@');
  // Cleaned twice: cutting to length may leave a separator at the end.
  const local = cleanLocal(cleanLocal(pick.slice(0, at)).slice(0, Math.max(0, LOCAL_MAX - token.length - 1)));
  const domain = pick.slice(at + 1).toLowerCase();
  const tagged = `${local ? `${local}.` : 'u'}${token}@${domain}`;
  return isEnvelopeEmail(envelope, tagged) ? tagged : `user.${token}@example.com`;
}

/** `pick` made to fit the envelope, with `token` appended when given ('' = untagged). */
export function realisticValue(envelope: Envelope, kind: FieldKind, pick: string, token = ''): string {
  if (kind === 'email') {
    if (token) return taggedEmail(envelope, pick, token);
    return isEnvelopeEmail(envelope, pick) ? pick : 'jane.doe@example.com';
  }
  const suffix = token ? ` ${token}` : '';
  const value = fitToUnits(pick, Math.max(0, envelope.maxLength - suffix.length)) + suffix;
  return isInEnvelope(envelope, value) ? value : fitToUnits(token || 'a', envelope.maxLength);
}
