/** Drives the reference backend through its handler (no HTTP), with the test token and JSON by default. */
import { loadContract } from '../../contracts/load.ts';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import type { EdgePolicy, StoreSemantics } from '../../backend/types.ts';

export const contract = loadContract();
export const TOKEN = 't';
export const PREFIX = '/api/v1';

export type Data = Record<string, unknown>;

export interface Reply {
  status: number;
  contentType: string | undefined;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface SendOptions {
  /** Sent as JSON.stringify(json); `raw` wins when both are given. */
  json?: unknown;
  raw?: string;
  /** Merged over the defaults (Bearer TOKEN, application/json); undefined removes one. */
  headers?: Record<string, string | undefined>;
}

export type Client = ReturnType<typeof referenceClient>;

export function referenceClient(semantics: StoreSemantics = 'merge', edgePolicy: EdgePolicy = 'lenient') {
  const backend = createReferenceBackend({ contract, token: TOKEN, semantics, edgePolicy });

  async function send(method: string, target: string, options: SendOptions = {}): Promise<Reply> {
    const [path = '', query = ''] = target.split('?');
    const response = await backend.handler({
      method,
      path: `${PREFIX}${path}`,
      query: new URLSearchParams(query),
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...options.headers },
      body: options.raw ?? (options.json === undefined ? '' : JSON.stringify(options.json)),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType: response.headers['content-type'], json };
  }

  const put = (id: string, json: unknown, options: Omit<SendOptions, 'json'> = {}) =>
    send('PUT', `/unified/customer/${id}`, { ...options, json });
  const get = (id: string) => send('GET', `/unified/customer/${id}`);

  /** POSTs a customer and returns its data; throws unless the backend answers 201 with a string id. */
  async function create(json: Data): Promise<Data & { id: string }> {
    const reply = await send('POST', '/unified/customer', { json });
    const data = reply.status === 201 ? dataOf(reply) : {};
    if (typeof data['id'] !== 'string') throw new Error(`create answered ${reply.status}`);
    return { ...data, id: data['id'] };
  }

  /** The whole store, to show a request changed nothing at all. */
  const snapshot = () => backend.store.list();

  return { send, put, get, create, snapshot, semantics, edgePolicy };
}

/** The `data` object of a reply; throws if there is none. */
export function dataOf(reply: Reply): Data {
  const data = (reply.json as { data?: unknown } | undefined)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`no data object in ${JSON.stringify(reply.json)}`);
  }
  return data as Data;
}

/** The updatable fields of a customer. */
export function updatableOf(data: Data): Data {
  return Object.fromEntries(contract.fields.updatable.map((field) => [field, data[field]]));
}

export const SEMANTICS: StoreSemantics[] = ['merge', 'replace'];
export const EDGE_POLICIES: EdgePolicy[] = ['lenient', 'strict'];
