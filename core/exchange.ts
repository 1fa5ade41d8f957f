/**
 * What the suite sends and sees. A request is described, not built: the credential is named by its variant
 * and the header is made from the token only at send time, so no recorded exchange can hold the token.
 */
export type AuthVariant =
  | 'valid'
  | 'valid-lowercase-scheme'
  | 'none'
  | 'basic-scheme'
  | 'bearer-without-token'
  | 'wrong-token'
  | MisplacedToken;

/**
 * The right token in a credential that is not `Bearer <token>`: text after it, twice, or under another scheme
 * (http/auth-header.ts holds the header each sends). Each must be refused (A2).
 */
export type MisplacedToken =
  | 'token-then-text'
  | 'two-tokens'
  | 'two-credentials'
  | 'prefixed-scheme'
  | 'suffixed-scheme'
  | 'scheme-then-bearer';

/** Which customer a request addresses: a fixture by its alias, or an id that must not exist. */
export type Target = { fixture: 'A' | 'B' } | { unknownId: string };

export type Operation = 'update' | 'read' | 'create' | 'delete';

export interface RequestSpec {
  op: Operation;
  target?: Target;
  auth: AuthVariant;
  /** Content-Type header; absent sends none. */
  contentType?: string;
  /** The exact body text; absent sends no body. */
  body?: string;
}

export interface SentRequest {
  method: string;
  /** Path below the base URL, with the real id. */
  path: string;
  /** Headers as sent, with Authorization shown redacted. */
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text. */
  text: string;
  /** Parsed JSON body, when the text parses. */
  json?: unknown;
}

export interface Exchange {
  /** Order in the run's log. */
  seq: number;
  /** The lane (pair of fixture customers) that sent it; absent outside the suites (set-up, replay). */
  lane?: number;
  /** What this request is for in its scenario (baseline, update, readback, ...). */
  role: string;
  spec: RequestSpec;
  request: SentRequest;
  /** Absent when no answer came (connection error or timeout). */
  response?: ReceivedResponse;
  error?: string;
  durationMs: number;
  /** When the request was sent (ms since the epoch): a replay keeps the case's spacing and the customer's age. */
  sentAt?: number;
}
