import { describe, expect, it } from 'vitest';
import {
  edgeBody,
  envelopeString,
  fullBody,
  invalidBody,
  invalidBodyCatalogue,
  validBody,
} from '../../generators/index.ts';
import { withEnvelope, withFields } from './helpers.ts';

const builders = {
  validBody,
  fullBody,
  edgeBody,
  invalidBody,
  invalidBodyCatalogue,
  envelopeString: (c: Parameters<typeof validBody>[0]) => envelopeString(c, 'name'),
};

describe('build-time checks', () => {
  for (const [name, build] of Object.entries(builders)) {
    it(`${name} refuses an unusable contract with an error naming it`, () => {
      expect(() => build(withEnvelope({ maxLength: 0 }))).toThrow(new RegExp(`^${name}: envelope.maxLength`));
      expect(() => build(withEnvelope({ minLength: -1 }))).toThrow(
        new RegExp(`^${name}: envelope.minLength`),
      );
      expect(() => build(withEnvelope({ emailPattern: '^x$' }))).toThrow(
        new RegExp(`^${name}: the envelope rejects`),
      );
      expect(() => build(withFields({ updatable: [], required: [], optional: [] }))).toThrow(
        new RegExp(`^${name}: the contract lists no updatable field`),
      );
      expect(() => build(withFields({ required: ['email', 'nickname'] }))).toThrow(
        new RegExp(`^${name}: required field "nickname"`),
      );
    });
  }
});
