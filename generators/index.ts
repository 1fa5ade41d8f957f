/** The public generators: request bodies for PUT /unified/customer/{id}, driven by the loaded contract. */
export type { BodyCase, UpdateBody } from './body-case.ts';
export { validBody } from './valid-body.ts';
export { fullBody } from './full-body.ts';
export { edgeBody, OTHER_CONTENT_TYPES } from './edge-body.ts';
export { invalidBody, invalidBodyCatalogue } from './invalid-body.ts';
export { envelopeString, ruleForValid } from './envelope-string.ts';
export { lookalikeBody, responseOnlyBody } from './extra-properties-body.ts';
export { rowBody } from './row-body.ts';
export {
  storedRowSequence,
  describeMeeting,
  type StoredRowSequence,
  type Meeting,
} from './stored-row-sequence.ts';
export { burstBodies, type BurstBodies } from './burst-bodies.ts';
export { jsonWithParametersBody, JSON_WITH_PARAMETERS } from './json-with-parameters-body.ts';
