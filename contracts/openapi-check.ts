/**
 * A structural check of the OpenAPI 3.1 document: the fields other tools need, and every $ref resolving
 * (to a file in the contract folder, or a pointer inside the document).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OpenApiProblem {
  pointer: string;
  message: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function findRefs(node: unknown, pointer: string, out: { pointer: string; ref: string }[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => findRefs(item, `${pointer}/${index}`, out));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push({ pointer: `${pointer}/$ref`, ref: value });
      else findRefs(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
}

/** The files the document's $refs name (relative to its folder), each once. */
export function referencedFiles(document: unknown): string[] {
  const refs: { pointer: string; ref: string }[] = [];
  findRefs(document, '', refs);
  return [...new Set(refs.map(({ ref }) => ref.split('#')[0] ?? '').filter(Boolean))];
}

export function checkOpenApi(document: Record<string, unknown>, dir: string): OpenApiProblem | undefined {
  if (typeof document['openapi'] !== 'string' || !document['openapi'].startsWith('3.1')) {
    return { pointer: '/openapi', message: 'must be an OpenAPI 3.1.x version string' };
  }
  const info = document['info'] as Record<string, unknown> | undefined;
  if (typeof info?.['title'] !== 'string' || typeof info['version'] !== 'string') {
    return { pointer: '/info', message: 'must have a string title and version' };
  }
  const paths = document['paths'];
  if (typeof paths !== 'object' || paths === null) return { pointer: '/paths', message: 'must be an object' };
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/')) return { pointer: `/paths/${path}`, message: 'path must start with /' };
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Record<string, unknown> | undefined;
      if (operation && (typeof operation['responses'] !== 'object' || operation['responses'] === null)) {
        return {
          pointer: `/paths/${path.replace(/\//g, '~1')}/${method}`,
          message: 'operation must list responses',
        };
      }
    }
  }
  const refs: { pointer: string; ref: string }[] = [];
  findRefs(document, '', refs);
  for (const { pointer, ref } of refs) {
    const [file, fragment] = ref.split('#') as [string, string | undefined];
    if (file) {
      const path = join(dir, file);
      if (!existsSync(path)) return { pointer, message: `$ref "${ref}" names a file that does not exist` };
      if (fragment && resolvePointer(JSON.parse(readFileSync(path, 'utf8')), fragment) === undefined) {
        return { pointer, message: `$ref "${ref}" does not resolve` };
      }
    } else if (resolvePointer(document, fragment ?? '') === undefined) {
      return { pointer, message: `$ref "${ref}" does not resolve` };
    }
  }
  return undefined;
}
