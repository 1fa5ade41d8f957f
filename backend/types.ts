/** The embedded backends speak this small request/response shape; http-server.ts maps it to node:http. */
export interface RawRequest {
  method: string;
  /** Path without the query string, e.g. /api/v1/unified/customer/cus_000001. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (request: RawRequest) => Promise<RawResponse>;

export type Customer = Record<string, unknown> & { id: string };

/** How the backend treats input the contract lets it either accept or reject (rules B4, B6, B7). */
export type EdgePolicy = 'lenient' | 'strict';

export type StoreSemantics = 'merge' | 'replace';
