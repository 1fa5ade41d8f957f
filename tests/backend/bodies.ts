/** Request bodies for the backend tests: every value differs per tag, and each email fits the strict pattern. */
import { contract, type Data } from './client.ts';

/** email and name only. */
export function minimalBody(tag: string): Data {
  return { email: `user.${tag}@example.com`, name: `Name ${tag}` };
}

/** Every updatable field set to a string that names the field and the tag. */
export function fullBody(tag: string): Data {
  const body = minimalBody(tag);
  for (const field of contract.fields.optional) body[field] = `${field} ${tag}`;
  return body;
}
