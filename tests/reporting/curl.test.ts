import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthVariant, Exchange } from '../../core/exchange.ts';
import { curlFor, curlSetup } from '../../reporting/curl.ts';
import { TOKEN } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'curl-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RECORDED: Record<AuthVariant, string | undefined> = {
  valid: 'Bearer [REDACTED]',
  'valid-lowercase-scheme': 'bearer [REDACTED]',
  none: undefined,
  'basic-scheme': 'Basic Y29uZm9ybWFuY2Utc3VpdGU6bm90LWEtcGFzc3dvcmQ=',
  'bearer-without-token': 'Bearer',
  'wrong-token': 'Bearer conformance-suite-wrong-token',
  'token-then-text': 'Bearer [REDACTED] junk',
  'two-tokens': 'Bearer [REDACTED] [REDACTED]',
  'two-credentials': 'Bearer [REDACTED], Bearer [REDACTED]',
  'prefixed-scheme': 'xBearer [REDACTED]',
  'suffixed-scheme': 'Bearer-ish [REDACTED]',
  'scheme-then-bearer': 'Basic bearer [REDACTED]',
};

function exchange(
  body: string | undefined,
  options: { auth?: AuthVariant; path?: string; contentType?: string | null } = {},
): Exchange {
  const auth = options.auth ?? 'valid';
  const headers: Record<string, string> = {};
  const recorded = RECORDED[auth];
  if (recorded !== undefined) headers['authorization'] = recorded;
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null && body !== undefined) headers['content-type'] = contentType;
  return {
    seq: 1,
    role: 'update',
    spec: {
      op: 'update',
      target: { fixture: 'A' },
      auth,
      ...(contentType !== null && body !== undefined ? { contentType } : {}),
      ...(body !== undefined ? { body } : {}),
    },
    request: {
      method: 'PUT',
      path: options.path ?? '/unified/customer/cus_000001',
      headers,
      ...(body !== undefined ? { body } : {}),
    },
    durationMs: 1,
  };
}

let runs = 0;

/** Runs the line in bash with `curl` replaced by a function that records its arguments and its stdin. */
function runLine(line: string): { args: Buffer[]; stdin: Buffer | undefined } {
  runs += 1;
  const argsFile = join(work, `args-${runs}`);
  const stdinFile = join(work, `stdin-${runs}`);
  const script = [
    'set -eu',
    `curl() { printf '%s\\0' "$@" > "$ARGS_FILE"; local a; for a in "$@"; do if [ "$a" = "@-" ]; then cat > "$STDIN_FILE"; fi; done; }`,
    line,
  ].join('\n');
  execFileSync('bash', ['--noprofile', '--norc', '-c', script], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      BASE_URL: 'http://example.test/api/v1',
      API_TOKEN: TOKEN,
      ARGS_FILE: argsFile,
      STDIN_FILE: stdinFile,
    },
  });
  const raw = readFileSync(argsFile);
  const args: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0) {
      args.push(raw.subarray(start, i));
      start = i + 1;
    }
  }
  let stdin: Buffer | undefined;
  try {
    stdin = readFileSync(stdinFile);
  } catch {
    stdin = undefined;
  }
  return { args, stdin };
}

function argAfter(args: Buffer[], flag: string): Buffer | undefined {
  const i = args.findIndex((a) => a.toString() === flag);
  return i === -1 ? undefined : args[i + 1];
}

function headerArgs(args: Buffer[]): string[] {
  return args.flatMap((a, i) => (args[i - 1]?.toString() === '-H' ? [a.toString()] : []));
}

function sentBody(args: Buffer[], stdin: Buffer | undefined): Buffer | undefined {
  const data = argAfter(args, '--data-binary');
  if (data === undefined) return undefined;
  return data.toString() === '@-' ? stdin : data;
}

const NASTY_BODIES: Array<[string, string]> = [
  ['plain JSON', '{"email":"ada@example.com","name":"Ada"}'],
  ['single quotes', `{"name":"O'Brien ''' '\\''"}`],
  [
    'shell metacharacters',
    '{"x":"$HOME `id` $(id) ${PATH} \\" \\\\ ! !! * ? ~ & | ; < > # %s %d %% \\c \\n"}',
  ],
  ['leading and trailing spaces', '{"name":"  Ada  "}'],
  ['pretty JSON with a trailing newline', '{\n  "name": "Ada",\n  "email": "a@b.c"\n}\n'],
  ['CRLF, tabs and a line that ends a heredoc', '{"a":"x"}\r\nJSON\r\n\tEOF\n\'JSON\'\n'],
  ['raw U+0000', '{"name":"a\u0000b"}'],
  [
    'every C0 control, DEL and C1',
    Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0080\u0085\u009f',
  ],
  ['emoji, CJK, RTL, combining and ZWJ', '{"name":"😀 👨‍👩‍👧 漢字 שלום e\u0301 Zürich"}'],
  ['invisible characters', '\ufeff{"name":"a\u200bb\u2028c\u2029d\u00a0e\u202ef\u2066g"}'],
  ['a leading @', '@/etc/passwd'],
  ['a leading - and a control', '-n \u0001'],
  ['empty', ''],
  ['a lone surrogate', '{"name":"\ud800x\udc00"}'],
  ['a long body', JSON.stringify({ name: 'x'.repeat(10_000), note: "it's \u0000 long" })],
];

describe('curlFor', () => {
  it.each(NASTY_BODIES)('sends the body byte for byte: %s', (_name, body) => {
    const line = curlFor(exchange(body), 'http://127.0.0.1:9/api');
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
    const { args, stdin } = runLine(line);
    expect(sentBody(args, stdin)?.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(args[0]?.toString()).toBe('-i');
    expect(argAfter(args, '-X')?.toString()).toBe('PUT');
    expect(args).toContainEqual(Buffer.from('http://example.test/api/v1/unified/customer/cus_000001'));
  });

  it('writes a plain JSON body as one single-quoted --data-binary word', () => {
    const line = curlFor(exchange('{"name":"O\'Brien"}'), 'http://x');
    expect(line).toBe(
      `curl -i -X PUT "$BASE_URL/unified/customer/cus_000001" -H "Authorization: Bearer $API_TOKEN" ` +
        `-H 'Content-Type: application/json' --data-binary '{"name":"O'\\''Brien"}'`,
    );
  });

  it('pipes a body with controls from printf, so the line stays one pasteable line', () => {
    const line = curlFor(exchange('{"a":"\u0000"}\n'), 'http://x');
    expect(line).toMatch(/^printf '.*' \| curl .* --data-binary @-$/);
    expect(line).toContain('\\000');
    expect(line).not.toContain('\n');
  });

  const AUTH_ARGS: Array<[AuthVariant, string | undefined]> = [
    ['valid', `Authorization: Bearer ${TOKEN}`],
    ['valid-lowercase-scheme', `Authorization: bearer ${TOKEN}`],
    ['none', undefined],
    ['basic-scheme', `Authorization: ${RECORDED['basic-scheme'] ?? ''}`],
    ['bearer-without-token', 'Authorization: Bearer'],
    ['wrong-token', 'Authorization: Bearer conformance-suite-wrong-token'],
    ['token-then-text', `Authorization: Bearer ${TOKEN} junk`],
    ['two-tokens', `Authorization: Bearer ${TOKEN} ${TOKEN}`],
    ['two-credentials', `Authorization: Bearer ${TOKEN}, Bearer ${TOKEN}`],
    ['prefixed-scheme', `Authorization: xBearer ${TOKEN}`],
    ['suffixed-scheme', `Authorization: Bearer-ish ${TOKEN}`],
    ['scheme-then-bearer', `Authorization: Basic bearer ${TOKEN}`],
  ];

  it.each(AUTH_ARGS)(
    'auth %s: the header reads the token from $API_TOKEN, never from the line',
    (auth, expected) => {
      const line = curlFor(exchange('{}', { auth }), 'http://x');
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('[REDACTED]');
      const authorization = headerArgs(runLine(line).args).filter((h) => /^authorization[:;]/i.test(h));
      expect(authorization).toEqual(expected === undefined ? [] : [expected]);
    },
  );

  it('keeps curl from adding a Content-Type when the request had none', () => {
    const { args } = runLine(curlFor(exchange('{}', { contentType: null }), 'http://x'));
    expect(headerArgs(args)).toContain('Content-Type:');
  });

  it('sends an empty Content-Type as an empty header, and odd ones as they were', () => {
    expect(headerArgs(runLine(curlFor(exchange('{}', { contentType: '' }), 'x')).args)).toContain(
      'Content-Type;',
    );
    const odd = 'text/plain; charset="utf-8"; x=\'$y\'';
    expect(headerArgs(runLine(curlFor(exchange('{}', { contentType: odd }), 'x')).args)).toContain(
      `Content-Type: ${odd}`,
    );
  });

  it('sends no body and no Content-Type for a GET without one', () => {
    const get = exchange(undefined);
    get.request.method = 'GET';
    const line = curlFor(get, 'http://x');
    expect(line).toBe(
      `curl -i -X GET "$BASE_URL/unified/customer/cus_000001" -H "Authorization: Bearer $API_TOKEN"`,
    );
  });

  it('quotes an unusual path exactly, and turns off URL globbing for brackets', () => {
    const path = `/unified/customer/cus_$(id)"x\`y'z[1]{2} ü`;
    const line = curlFor(exchange('{}', { path }), 'http://x');
    expect(line).toContain('--globoff');
    expect(runLine(line).args).toContainEqual(Buffer.from(`http://example.test/api/v1${path}`));
  });

  it('never writes the base URL into the line: it works for any target', () => {
    const line = curlFor(exchange('{}'), 'http://secret-host.internal:1234');
    expect(line).not.toContain('secret-host');
    expect(line).toContain('"$BASE_URL/unified/customer/cus_000001"');
  });
});

describe('curlSetup', () => {
  it('points BASE_URL at a remote target', () => {
    expect(curlSetup('https://api.example.com/v1/').command).toBe(
      'export BASE_URL=https://api.example.com/v1',
    );
  });

  it('says how to get a target when the run used the embedded backend', () => {
    const setup = curlSetup('embedded reference backend');
    expect(setup.command).toBe('export BASE_URL=http://127.0.0.1:8080/api/v1');
    expect(setup.note).toContain('npm run serve');
  });
});
