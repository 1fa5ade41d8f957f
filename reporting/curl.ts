/**
 * A copy-pasteable curl line for one recorded request. The target and the credential come from the shell
 * ($BASE_URL, $API_TOKEN), so the line works against any backend and never holds the token.
 */
import type { Exchange } from '../core/exchange.ts';
import { isMisplacedToken, MISPLACED_TOKEN, TOKEN_SLOT } from '../http/auth-header.ts';
import { shellQuote } from './text.ts';

/** Headers curl writes itself, or that the line writes from the spec (Authorization, Content-Type). */
const NOT_COPIED = new Set([
  'authorization',
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'user-agent',
  'accept-encoding',
]);

/** Characters that make a body unfit for a single-quoted, pasted word: controls and characters no one sees. */
const UNSAFE_IN_QUOTES = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]|(?! )\p{Zs}/u;

/** Path characters that are plain inside double quotes (no $ ` " \ !) and are no curl URL glob. */
const PLAIN_PATH = /^[A-Za-z0-9/_.~%:@,+=?&-]*$/;

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** `Name: value`, or `Name;` for an empty value (curl drops `Name:` with nothing after it). */
function headerWord(name: string, value: string): string {
  return shellQuote(value === '' ? `${name};` : `${name}: ${value}`);
}

function authorizationArgument(exchange: Exchange): string | undefined {
  const recorded = headerValue(exchange.request.headers, 'authorization');
  const auth = exchange.spec.auth;
  // The templates hold no character a double-quoted shell word would expand, other than the token's variable.
  if (isMisplacedToken(auth))
    return `"Authorization: ${MISPLACED_TOKEN[auth].replaceAll(TOKEN_SLOT, '$API_TOKEN')}"`;
  switch (auth) {
    case 'valid':
      return '"Authorization: Bearer $API_TOKEN"';
    case 'valid-lowercase-scheme':
      return '"Authorization: bearer $API_TOKEN"';
    case 'none':
      return undefined;
    case 'bearer-without-token':
      return headerWord(
        'Authorization',
        recorded !== undefined && /^bearer\s*$/i.test(recorded) ? recorded : 'Bearer',
      );
    case 'basic-scheme':
      return headerWord('Authorization', recorded ?? 'Basic dXNlcjpwYXNzd29yZA==');
    case 'wrong-token':
      return headerWord('Authorization', recorded ?? 'Bearer wrong-token');
  }
}

/**
 * The body as a printf format: `\` and `%` doubled, newline, tab and CR as `\n` `\t` `\r`, every other unsafe
 * character as the octal escapes of its UTF-8 bytes (so U+0000 passes), `'` closed and reopened.
 */
function printfFormat(body: string): string {
  let out = '';
  for (const ch of body) {
    // A format starting with `-` would read as an option.
    if (out === '' && ch === '-') out += '\\055';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '%') out += '%%';
    else if (ch === "'") out += `'\\''`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (UNSAFE_IN_QUOTES.test(ch)) {
      for (const byte of Buffer.from(ch, 'utf8')) out += `\\${byte.toString(8).padStart(3, '0')}`;
    } else out += ch;
  }
  return `'${out}'`;
}

/**
 * The curl line for the exchange's request. A body of visible characters goes in a single-quoted
 * `--data-binary`; any other body (controls, U+0000, invisible characters, a leading @) is piped in from
 * `printf` so the bytes sent are exactly the recorded ones. `_baseUrl` is not written: set BASE_URL.
 */
export function curlFor(exchange: Exchange, _baseUrl?: string): string {
  const { request, spec } = exchange;
  const words = ['curl', '-i', '-X', request.method.toUpperCase()];
  if (!PLAIN_PATH.test(request.path)) {
    if (/[[\]{}]/.test(request.path)) words.push('--globoff');
    words.push(`"$BASE_URL"${shellQuote(request.path)}`);
  } else words.push(`"$BASE_URL${request.path}"`);

  const authorization = authorizationArgument(exchange);
  if (authorization !== undefined) words.push('-H', authorization);

  const body = request.body ?? spec.body;
  const contentType = headerValue(request.headers, 'content-type') ?? spec.contentType;
  // Without a Content-Type, curl would add application/x-www-form-urlencoded to a body: `Content-Type:` stops it.
  if (contentType !== undefined) words.push('-H', headerWord('Content-Type', contentType));
  else if (body !== undefined) words.push('-H', "'Content-Type:'");

  for (const [name, value] of Object.entries(request.headers)) {
    if (!NOT_COPIED.has(name.toLowerCase())) words.push('-H', headerWord(name, value));
  }

  if (body === undefined) return words.join(' ');
  if (!body.startsWith('@') && !UNSAFE_IN_QUOTES.test(body)) {
    return [...words, '--data-binary', `'${body.replace(/'/g, `'\\''`)}'`].join(' ');
  }
  return `printf ${printfFormat(body)} | ${[...words, '--data-binary', '@-'].join(' ')}`;
}

/** Where `npm run serve` serves the reference backend by default. */
export const SERVE_BASE_URL = 'http://127.0.0.1:8080/api/v1';

/**
 * The command that points the curl lines at the run's target, and a note when the run's target has no URL
 * (the embedded backend). API_TOKEN stays the reader's to set.
 */
export function curlSetup(baseUrl: string): { command: string; note: string } {
  if (/^https?:\/\//i.test(baseUrl)) {
    return {
      command: `export BASE_URL=${shellQuote(baseUrl.replace(/\/+$/, ''))}`,
      note: 'set API_TOKEN to your token first',
    };
  }
  return {
    command: `export BASE_URL=${SERVE_BASE_URL}`,
    note: `this run used the ${baseUrl}; npm run serve -- --token "$API_TOKEN" serves it there`,
  };
}
